package app.bytewise.classroom;

import java.time.Instant;
import java.util.List;

/** A saved submission: its attempt number and score out of its question count. */
public record SubmissionResult(long submissionId, int attemptNo, Instant submittedAt, double score, int questionCount,
        List<AnswerResult> answers) {

    public SubmissionResult {
        answers = List.copyOf(answers);
    }

    public String scoreText() {
        return String.format(java.util.Locale.ROOT, "%.1f / %d", score, questionCount);
    }
}
