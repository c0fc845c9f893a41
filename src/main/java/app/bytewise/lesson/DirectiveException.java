package app.bytewise.lesson;

/** A lesson directive that cannot be evaluated: unknown name or key, or a value the engine refuses. */
public class DirectiveException extends RuntimeException {

    public DirectiveException(String message) {
        super(message);
    }
}
