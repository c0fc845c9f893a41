package app.bytewise.classroom;

/** A class as its instructor sees it in a list. */
public record ClassSummary(long id, String name, String joinCode, long members) {
}
