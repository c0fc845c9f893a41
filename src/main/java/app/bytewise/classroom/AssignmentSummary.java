package app.bytewise.classroom;

import java.time.Instant;

/** An assignment as its instructor sees it in a list. */
public record AssignmentSummary(long id, long quizId, String quizTitle, long classId, String className,
        Instant opensAt, Instant dueAt, long submissions) {
}
