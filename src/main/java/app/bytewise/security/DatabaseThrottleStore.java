package app.bytewise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failure windows in the {@code login_throttle} table, so every node behind a balancer counts the
 * same failures and honours the same lockouts. Keys are stored as SHA-256 hashes: a fixed length
 * whatever a client sends as username, and no record of what people typed (a password typed into
 * the username field, say). Rows are deleted once their window and lockout are over.
 */
final class DatabaseThrottleStore implements ThrottleStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration window;

    DatabaseThrottleStore(JdbcTemplate jdbc, TransactionTemplate transactions, Duration window) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.window = window;
    }

    @Override
    public boolean anyBlocked(Collection<String> keys, Instant now) {
        String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
        Object[] args = Stream.concat(keys.stream().map(DatabaseThrottleStore::hash), Stream.of(timestamp(now))).toArray();
        Integer blocked = jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle WHERE throttle_key IN (" + marks
                + ") AND blocked_until > ?", Integer.class, args);
        return blocked != null && blocked > 0;
    }

    @Override
    public void update(String key, Instant now, UnaryOperator<FailureWindow> change) {
        String hash = hash(key);
        try {
            transactions.executeWithoutResult(status -> readChangeWrite(hash, now, change));
        } catch (DuplicateKeyException anotherNodeInsertedFirst) {
            // Both saw no row and both inserted; the loser's transaction is spent (PostgreSQL aborts
            // it), so read again in a new one: now the row exists and is locked for update.
            transactions.executeWithoutResult(status -> readChangeWrite(hash, now, change));
        }
    }

    private void readChangeWrite(String hash, Instant now, UnaryOperator<FailureWindow> change) {
        List<FailureWindow> current = jdbc.query(
                "SELECT window_start, failures, blocked_until FROM login_throttle WHERE throttle_key = ? FOR UPDATE",
                (rs, row) -> new FailureWindow(instant(rs, 1), rs.getInt(2), instant(rs, 3)), hash);
        if (current.isEmpty()) {
            // A new row is the moment to sweep out expired ones, so the table stays as small as the
            // set of clients failing right now.
            jdbc.update("DELETE FROM login_throttle WHERE expires_at < ?", timestamp(now));
            FailureWindow next = change.apply(FailureWindow.none(now));
            jdbc.update("INSERT INTO login_throttle (throttle_key, window_start, failures, blocked_until, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", hash, timestamp(next.startedAt()), next.failures(),
                    timestamp(next.blockedUntil()), timestamp(next.expiresAt(window)));
        } else {
            FailureWindow next = change.apply(current.get(0));
            jdbc.update("UPDATE login_throttle SET window_start = ?, failures = ?, blocked_until = ?, expires_at = ? "
                    + "WHERE throttle_key = ?", timestamp(next.startedAt()), next.failures(),
                    timestamp(next.blockedUntil()), timestamp(next.expiresAt(window)), hash);
        }
    }

    @Override
    public void remove(String key) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", hash(key));
    }

    int size() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle", Integer.class);
        return rows == null ? 0 : rows;
    }

    /** An offset date-time in UTC, typed, so H2 and PostgreSQL both bind it (or null) to TIMESTAMP WITH TIME ZONE. */
    private static SqlParameterValue timestamp(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
