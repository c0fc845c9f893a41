package app.bytewise.classroom;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Topic;
import app.bytewise.security.UserText;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an instructor chooses for a quiz. {@link #problems()} names each field at fault, so a form can
 * show every message beside its field, and the service refuses the same settings whatever the caller.
 */
public record QuizSettings(String title, Set<Topic> topics, Optional<Difficulty> difficulty, int questionCount,
        QuizMode mode, Optional<Integer> timeLimitMinutes, int attemptsAllowed, SeedPolicy seedPolicy) {

    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_ATTEMPTS = 10;
    public static final int MAX_MINUTES = 600;

    public QuizSettings {
        title = title == null ? "" : title.strip();
        topics = topics == null || topics.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(topics));
        difficulty = difficulty == null ? Optional.empty() : difficulty;
        timeLimitMinutes = timeLimitMinutes == null ? Optional.empty() : timeLimitMinutes;
    }

    /** Field name → message, in form order; empty when the settings are valid. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 120) {
            problems.put("title", "1 to 120 characters.");
        }
        UserText.problem(title).ifPresent(problem -> problems.putIfAbsent("title", problem));
        if (topics.isEmpty()) {
            problems.put("topics", "Choose at least one topic.");
        }
        if (questionCount < 1 || questionCount > MAX_QUESTIONS) {
            problems.put("questionCount", "1 to " + MAX_QUESTIONS + " questions.");
        }
        if (mode == null) {
            problems.put("mode", "Choose a mode.");
        }
        if (timeLimitMinutes.isPresent() && (timeLimitMinutes.get() < 1 || timeLimitMinutes.get() > MAX_MINUTES)) {
            problems.put("timeLimitMinutes", "Leave empty for no limit, or 1 to " + MAX_MINUTES + " minutes.");
        }
        if (attemptsAllowed < 1 || attemptsAllowed > MAX_ATTEMPTS) {
            problems.put("attemptsAllowed", "1 to " + MAX_ATTEMPTS + " attempts.");
        }
        if (seedPolicy == null) {
            problems.put("seedPolicy", "Choose how seeds are shared.");
        }
        return problems;
    }
}
