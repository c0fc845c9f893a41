package app.bytewise.classroom;

/** Where a candidate stands with an assignment. */
public enum AssignmentStatus {
    UPCOMING("Not open yet"),
    OPEN("Open"),
    SUBMITTED("Submitted"),
    COMPLETED("All attempts used"),
    MISSED("Closed, not submitted"),
    CLOSED("Closed");

    private final String title;

    AssignmentStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public boolean canTake() {
        return this == OPEN || this == SUBMITTED;
    }
}
