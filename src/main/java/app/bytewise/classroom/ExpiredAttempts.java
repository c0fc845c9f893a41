package app.bytewise.classroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a timed attempt whose limit has run out. The server keeps no answers before a submission,
 * so such an attempt is recorded as submitted at its deadline with every question unanswered and
 * graded so (score 0); it then counts as used, and the next attempt, if any is left, can start.
 * Until then an opened, never-submitted attempt blocked every later one: the next opening returned
 * its expired start, and submitting it was refused.
 *
 * <p>The close runs in its own transaction. Two tabs closing the same attempt both insert attempt
 * n; the unique (assignment, student, attempt) constraint keeps one, and the loser, whose failed
 * insert must not abort the caller's transaction (PostgreSQL would), finds it closed all the same.
 */
@Component
class ExpiredAttempts {

    /** Slack for the round trip between the last keystroke and the server. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final AttemptClock attemptClock;
    private final SubmissionRepository submissions;
    private final QuizPlanner planner;
    private final PaperGrading grading;
    private final TransactionTemplate ownTransaction;

    ExpiredAttempts(AttemptClock attemptClock, SubmissionRepository submissions, QuizPlanner planner,
            PaperGrading grading, PlatformTransactionManager tm) {
        this.attemptClock = attemptClock;
        this.submissions = submissions;
        this.planner = planner;
        this.grading = grading;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The moment after which attempt {@code startedAt} of a quiz with this limit can no longer be submitted. */
    static Instant deadline(Instant startedAt, int minutes) {
        return startedAt.plus(Duration.ofMinutes(minutes)).plus(GRACE);
    }

    /**
     * Closes the candidate's attempt {@code used + 1} if it was opened and its time is up, and returns
     * how many attempts are used afterwards: {@code used}, or {@code used + 1} when it was closed.
     */
    int closeIfExpired(Assignment a, Quiz quiz, long studentId, int used, Instant now) {
        Optional<Integer> limit = quiz.settings().timeLimitMinutes();
        if (limit.isEmpty()) {
            return used;
        }
        int attemptNo = used + 1;
        Optional<AttemptClock.Opening> started = attemptClock.opening(a.getId(), studentId, attemptNo);
        if (started.isEmpty() || !now.isAfter(deadline(started.get().startedAt(), limit.get()))) {
            return used;
        }
        Instant closedAt = started.get().startedAt().plus(Duration.ofMinutes(limit.get()));
        Optional<Long> seed = started.get().seed();
        try {
            ownTransaction.executeWithoutResult(s -> submissions.saveAndFlush(new Submission(a.getId(), studentId,
                    attemptNo, closedAt, seed, grading.unanswered(planner.questionIds(quiz, studentId, seed)))));
        } catch (DataIntegrityViolationException closedInAnotherTab) {
            // attempt n exists either way
        }
        return attemptNo;
    }
}
