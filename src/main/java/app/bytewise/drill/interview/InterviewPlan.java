package app.bytewise.drill.interview;

import app.bytewise.engine.InvalidInputException;
import java.time.Duration;
import java.util.List;

/**
 * How long an interview is: a number of questions (plus one scenario) and a time limit, each one of
 * a few fixed options so that a set stays a sitting's work and an id stays short.
 */
public record InterviewPlan(int questions, int minutes) {

    public static final List<Integer> QUESTION_OPTIONS = List.of(4, 8, 12);
    public static final List<Integer> MINUTE_OPTIONS = List.of(10, 20, 30, 45);
    public static final InterviewPlan STANDARD = new InterviewPlan(8, 20);

    public InterviewPlan {
        if (!QUESTION_OPTIONS.contains(questions)) {
            throw new InvalidInputException("questions", "questions must be one of " + QUESTION_OPTIONS + ".");
        }
        if (!MINUTE_OPTIONS.contains(minutes)) {
            throw new InvalidInputException("minutes", "minutes must be one of " + MINUTE_OPTIONS + ".");
        }
    }

    public Duration limit() {
        return Duration.ofMinutes(minutes);
    }
}
