package app.bytewise.classroom;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's record of when each attempt began. The first opening of an attempt stores the time
 * in its own transaction; two tabs opening it at once both end up with the one stored start, since
 * the primary key lets only one insert commit and the loser reads the winner's row.
 */
@Component
class AttemptClock {

    private final AttemptStartRepository starts;
    private final TransactionTemplate ownTransaction;

    AttemptClock(AttemptStartRepository starts, PlatformTransactionManager tm) {
        this.starts = starts;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The stored start of this attempt, storing {@code now} if it is the first opening. */
    Instant startOf(long assignmentId, long studentId, int attemptNo, Instant now) {
        AttemptStart.Key key = new AttemptStart.Key(assignmentId, studentId, attemptNo);
        Optional<AttemptStart> known = starts.findById(key);
        if (known.isPresent()) {
            return known.get().getStartedAt();
        }
        try {
            ownTransaction.executeWithoutResult(s -> starts.saveAndFlush(new AttemptStart(key, now)));
        } catch (DataIntegrityViolationException openedInAnotherTab) {
            // the other tab's start stands
        }
        return ownTransaction.execute(s -> starts.findById(key)).orElseThrow().getStartedAt();
    }

    /** The stored start, if the attempt was ever opened. */
    Optional<Instant> startedAt(long assignmentId, long studentId, int attemptNo) {
        return starts.findById(new AttemptStart.Key(assignmentId, studentId, attemptNo)).map(AttemptStart::getStartedAt);
    }
}
