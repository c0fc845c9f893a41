package app.bytewise.security;

import java.time.Duration;

/** Whether a rate-limited action may go ahead now, and if not, how long until it may. */
public record RateDecision(boolean allowed, Duration retryAfter) {

    public static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

    public static RateDecision refused(Duration retryAfter) {
        return new RateDecision(false, retryAfter);
    }

    /** Whole seconds, rounded up and at least 1, as the {@code Retry-After} header wants (RFC 9110 §10.2.3). */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
