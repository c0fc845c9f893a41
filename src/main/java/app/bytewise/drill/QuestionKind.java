package app.bytewise.drill;

/** Multiple choice, or a typed numeric answer. */
public enum QuestionKind {
    CHOICE("c"), NUMERIC("n");

    private final String code;

    QuestionKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static QuestionKind ofCode(String code) {
        return switch (code) {
            case "c" -> CHOICE;
            case "n" -> NUMERIC;
            default -> throw new IllegalArgumentException("kind code must be c or n");
        };
    }
}
