package app.bytewise.progress.fsrs;

/** How well a review went, FSRS's four grades; the value is the G in the formulas. */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int value;

    Rating(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
