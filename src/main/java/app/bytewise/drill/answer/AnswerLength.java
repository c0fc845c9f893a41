package app.bytewise.drill.answer;

import app.bytewise.engine.InvalidInputException;

/**
 * The one bound on a typed answer in a scenario step or a mock interview, far more than any number with
 * its unit needs. (The drill takes any length and grades what is too long as unreadable, AnswerParser.)
 */
public final class AnswerLength {

    public static final int MAX_CHARS = 200;

    private AnswerLength() {
    }

    /** {@code answer} (null allowed: a blank), or a 4xx naming {@code field} when it is too long. */
    public static String check(String field, String answer) {
        if (answer != null && answer.length() > MAX_CHARS) {
            throw new InvalidInputException(field, "An answer has at most " + MAX_CHARS + " characters.");
        }
        return answer;
    }
}
