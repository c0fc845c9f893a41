package app.bytewise.classroom;

/** Whether every student gets the same numbers, or each student their own (same templates, other values). */
public enum SeedPolicy {
    SHARED("Same questions for all"),
    PER_STUDENT("Own numbers per student");

    private final String title;

    SeedPolicy(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
