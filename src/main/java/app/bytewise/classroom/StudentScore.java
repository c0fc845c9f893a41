package app.bytewise.classroom;

/** A student's standing on an assignment: attempts, first and best score out of the question count. */
public record StudentScore(long studentId, String username, String displayName, int attempts, double firstScore,
        double bestScore, int questionCount) {
}
