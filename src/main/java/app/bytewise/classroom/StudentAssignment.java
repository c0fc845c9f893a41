package app.bytewise.classroom;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** An assignment as a candidate sees it: the window, attempts and best score so far. */
public record StudentAssignment(long id, String quizTitle, String className, Instant opensAt, Instant dueAt,
        int questionCount, Optional<Integer> timeLimitMinutes, int attemptsUsed, int attemptsAllowed,
        OptionalDouble bestScore, AssignmentStatus status) {
}
