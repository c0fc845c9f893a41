package app.bytewise.classroom;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's record of when each attempt began and which seed its numbers come from. The first
 * opening of an attempt stores both in its own transaction; two tabs opening it at once both end up
 * with the one stored opening, since the primary key lets only one insert commit and the loser reads
 * the winner's row.
 */
@Component
class AttemptClock {

    /** A stored opening; {@code seed} is empty for attempts opened before attempts had seeds. */
    record Opening(Instant startedAt, Optional<Long> seed) {
    }

    private final AttemptStartRepository starts;
    private final TransactionTemplate ownTransaction;

    AttemptClock(AttemptStartRepository starts, PlatformTransactionManager tm) {
        this.starts = starts;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The stored opening of this attempt, storing {@code now} and {@code seed} if it is the first. */
    Opening open(long assignmentId, long studentId, int attemptNo, Instant now, long seed) {
        AttemptStart.Key key = new AttemptStart.Key(assignmentId, studentId, attemptNo);
        Optional<AttemptStart> known = starts.findById(key);
        if (known.isPresent()) {
            return known.get().opening();
        }
        try {
            ownTransaction.executeWithoutResult(s -> starts.saveAndFlush(new AttemptStart(key, now, seed)));
        } catch (DataIntegrityViolationException openedInAnotherTab) {
            // the other tab's opening stands
        }
        return ownTransaction.execute(s -> starts.findById(key)).orElseThrow().opening();
    }

    /** The stored opening, if the attempt was ever opened. */
    Optional<Opening> opening(long assignmentId, long studentId, int attemptNo) {
        return starts.findById(new AttemptStart.Key(assignmentId, studentId, attemptNo)).map(AttemptStart::opening);
    }
}
