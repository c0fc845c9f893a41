package app.bytewise.classroom;

import app.bytewise.drill.Question;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The questions a candidate answers for an attempt. {@code startedAt} goes back with the answers, so a
 * time limit counts from when the paper was handed out.
 */
public record QuizPaper(long assignmentId, String title, int attemptNo, Optional<Integer> timeLimitMinutes,
        Instant startedAt, Instant dueAt, List<Question> questions) {

    public QuizPaper {
        questions = List.copyOf(questions);
    }
}
