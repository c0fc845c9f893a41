package app.bytewise.engine;

/**
 * Input the engine cannot work with, naming the field at fault (a JSON path such as
 * {@code model.config.hidden_size} or {@code contextLength}) so a form or the API can point at it.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
