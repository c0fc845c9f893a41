package app.bytewise.security;

/** Input refused before anything is stored, with the field at fault; the message is for the person. */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request or form field at fault, e.g. {@code answer}. */
    public String field() {
        return field;
    }
}
