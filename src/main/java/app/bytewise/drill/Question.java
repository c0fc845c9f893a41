package app.bytewise.drill;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated question with everything needed to grade it. What a learner sees is the id, topic,
 * difficulty, kind, text and options (or unit); the rest stays on the server.
 *
 * @param distractors misconception → the value it leads to (base unit), for diagnosing typed answers
 */
public record Question(QuestionId id, Topic topic, Difficulty difficulty, QuestionKind kind, String text,
        List<Option> options, Optional<NumericAnswer> numeric, Map<Misconception, java.math.BigDecimal> distractors,
        Solution solution) {

    public Question {
        options = List.copyOf(options);
        distractors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(distractors));
    }

    public Optional<Option> correctOption() {
        return options.stream().filter(Option::correct).findFirst();
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equalsIgnoreCase(optionId.strip())).findFirst();
    }
}
