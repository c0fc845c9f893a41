package app.bytewise.security;

/** A sign-up that was refused, naming the form field at fault so the form can show it there. */
public class SignUpException extends RuntimeException {

    private final String field;

    public SignUpException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
