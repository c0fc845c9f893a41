package app.bytewise.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins counted under one throttle key: since when, how many, and the lockout they caused.
 *
 * @param blockedUntil null unless the key is locked out
 */
record FailureWindow(Instant startedAt, int failures, Instant blockedUntil) {

    boolean blocks(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    /**
     * The window after one more failure at {@code now}: a window older than {@code window} starts
     * afresh, and reaching {@code limit} locks the key for {@code lockout}, after which counting
     * starts again from zero.
     */
    FailureWindow afterFailure(Instant now, int limit, Duration window, Duration lockout) {
        boolean expired = !now.isBefore(startedAt.plus(window));
        Instant start = expired ? now : startedAt;
        int count = (expired ? 0 : failures) + 1;
        if (count >= limit) {
            Instant until = now.plus(lockout);
            return new FailureWindow(until, 0, until);
        }
        return new FailureWindow(start, count, blockedUntil);
    }

    /** When nothing in this window matters any more, so the record can be forgotten. */
    Instant expiresAt(Duration window) {
        Instant windowEnd = startedAt.plus(window);
        return blockedUntil != null && blockedUntil.isAfter(windowEnd) ? blockedUntil : windowEnd;
    }

    static FailureWindow none(Instant now) {
        return new FailureWindow(now, 0, null);
    }
}
