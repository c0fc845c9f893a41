package app.bytewise.ui.drill;

import app.bytewise.drill.interview.Interview;
import app.bytewise.drill.interview.InterviewAnswers;
import app.bytewise.drill.interview.InterviewReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One visitor's interview in progress, kept in their Vaadin session so a reload or another page and
 * back resumes it: the interview, when time runs out, what has been entered, and the report once
 * it is marked.
 */
final class InterviewSitting {

    private final Interview interview;
    private final Instant deadline;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    private InterviewReport report;

    InterviewSitting(Interview interview, Instant deadline) {
        this.interview = interview;
        this.deadline = deadline;
    }

    Interview interview() {
        return interview;
    }

    Instant deadline() {
        return deadline;
    }

    void answer(String questionId, String text) {
        answers.put(questionId, text);
    }

    String answer(String questionId) {
        return answers.getOrDefault(questionId, "");
    }

    void step(int index, String text) {
        while (steps.size() <= index) {
            steps.add("");
        }
        steps.set(index, text);
    }

    String step(int index) {
        return index < steps.size() ? steps.get(index) : "";
    }

    InterviewAnswers answers() {
        return new InterviewAnswers(answers, steps);
    }

    Optional<InterviewReport> report() {
        return Optional.ofNullable(report);
    }

    void report(InterviewReport marked) {
        report = marked;
    }
}
