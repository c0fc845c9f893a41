package app.bytewise.drill;

/** How hard a question is: recall a fact, apply one formula, or chain several results. */
public enum Difficulty {
    EASY(1), MEDIUM(2), HARD(3);

    private final int level;

    Difficulty(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public static Difficulty ofLevel(int level) {
        for (Difficulty d : values()) {
            if (d.level == level) {
                return d;
            }
        }
        throw new IllegalArgumentException("difficulty must be 1, 2 or 3");
    }
}
