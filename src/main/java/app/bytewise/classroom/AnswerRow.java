package app.bytewise.classroom;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.Topic;
import java.time.Instant;
import java.util.Optional;

/** One stored answer of one attempt, with who gave it; {@code answerId} replays it. */
public record AnswerRow(long answerId, long studentId, String username, String displayName, int attemptNo,
        Instant submittedAt, int slot, QuestionId questionId, Topic topic, String answer, String response,
        Optional<Boolean> correct, double score, Optional<Misconception> misconception) {
}
