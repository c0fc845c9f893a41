package app.bytewise.classroom;

/** Which kinds of question a quiz asks. */
public enum QuizMode {
    CHOICE("Multiple choice"),
    NUMERIC("Numeric"),
    MIXED("Mixed");

    private final String title;

    QuizMode(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
