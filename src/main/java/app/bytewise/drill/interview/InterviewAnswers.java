package app.bytewise.drill.interview;

import app.bytewise.drill.answer.AnswerLength;
import app.bytewise.engine.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was entered: question id → answer, and the scenario's step answers in order. A missing or
 * blank answer is a blank. Bounded so a report request cannot grow without limit.
 */
public record InterviewAnswers(Map<String, String> questions, List<String> steps) {

    public static final int MAX_ANSWER_CHARS = AnswerLength.MAX_CHARS;
    /** More than any plan asks: 12 questions, and a scenario's few steps. */
    public static final int MAX_QUESTIONS = 12;
    public static final int MAX_STEPS = 8;

    public InterviewAnswers {
        questions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(questions == null ? Map.of() : questions));
        steps = steps == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(steps));
        if (questions.size() > MAX_QUESTIONS) {
            throw new InvalidInputException("answers", "At most " + MAX_QUESTIONS + " answers.");
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidInputException("steps", "At most " + MAX_STEPS + " step answers.");
        }
        questions.forEach((id, answer) -> check("answers." + id, answer));
        for (int i = 0; i < steps.size(); i++) {
            check("steps[" + i + "]", steps.get(i));
        }
    }

    private static void check(String field, String answer) {
        AnswerLength.check(field, answer);
    }

    public String question(String id) {
        return questions.get(id);
    }

    public String step(int index) {
        return index < steps.size() ? steps.get(index) : null;
    }
}
