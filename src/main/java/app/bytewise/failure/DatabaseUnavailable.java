package app.bytewise.failure;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached or used for now: no connection within
 * the pool's timeout, a lost or refused connection, a transaction that could not begin, a lock or
 * timeout the database gave up on. Such a request wrote nothing (the transaction rolls back), so the
 * right answer is "try again": HTTP 503 with {@code Retry-After}, or a message in the UI.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The problem detail's text, the same from the API's handler and from the outermost filter. */
    public static final String DETAIL = "The database is unavailable for the moment; nothing was saved. Retry in "
            + RETRY_AFTER_SECONDS + " s.";

    private DatabaseUnavailable() {
    }

    /** True when the failure or any of its causes is one of the outage kinds above. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof SQLTransientException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }
}
