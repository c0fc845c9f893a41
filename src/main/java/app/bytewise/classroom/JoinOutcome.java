package app.bytewise.classroom;

/** The class a candidate joined; {@code alreadyMember} when the code was used before (nothing changed). */
public record JoinOutcome(long classId, String className, boolean alreadyMember) {

    public String message() {
        return alreadyMember ? "You are already in " + className + "." : "You joined " + className + ".";
    }
}
