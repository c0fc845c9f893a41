package app.bytewise.classroom;

/**
 * A submission whose answers do not fit the paper (missing, or not one per question): a malformed
 * request rather than a rule refusing a well-formed one, so the API answers it with 400, not 409.
 */
public class InvalidAnswersException extends ClassroomException {

    public InvalidAnswersException(String message) {
        super(message);
    }

    /** The request field at fault. */
    public String field() {
        return "answers";
    }
}
