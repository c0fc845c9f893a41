package app.bytewise.api;

import app.bytewise.security.RateDecision;

/** A request refused by a rate limit; answered with 429 and {@code Retry-After} (RFC 6585 §4). */
class RateLimitedException extends RuntimeException {

    private final RateDecision decision;

    RateLimitedException(RateDecision decision) {
        super("Too many requests");
        this.decision = decision;
    }

    long retryAfterSeconds() {
        return decision.retryAfterSeconds();
    }
}
