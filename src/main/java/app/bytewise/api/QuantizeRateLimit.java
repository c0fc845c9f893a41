package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.lab.LabCost;
import app.bytewise.security.RateDecision;
import app.bytewise.security.TokenBuckets;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per client address for {@code POST /api/v1/quantize}, the one endpoint whose work
 * grows with the request: from microseconds for a small RTN run to tens of seconds of CPU for GPTQ
 * on 4096 × 4096. A run is priced by its estimated CPU time ({@link LabCost}), one token per
 * {@code tokenCost} of it and at least one, so the bucket's capacity per refill period bounds the
 * CPU time an address gets, whatever the mix of methods. A run that would cost more than the whole
 * bucket is refused outright. The address is the TCP peer; behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so it is the client's, never a header the client
 * could set itself.
 */
class QuantizeRateLimit {

    private final boolean enabled;
    private final int capacity;
    private final Duration tokenCost;
    private final TokenBuckets buckets;

    QuantizeRateLimit(boolean enabled, int capacity, Duration refillPeriod, Duration tokenCost, Clock clock) {
        if (tokenCost.isNegative() || tokenCost.isZero()) {
            throw new IllegalArgumentException("the CPU time a token buys must be positive");
        }
        this.enabled = enabled;
        this.capacity = capacity;
        this.tokenCost = tokenCost;
        this.buckets = new TokenBuckets(capacity, refillPeriod, 10_000, clock);
    }

    /** Tokens a run of this estimated CPU time costs: one per {@code tokenCost}, rounded up, at least one. */
    long tokens(Duration cost) {
        return Math.max(1, Math.ceilDiv(cost.toNanos(), tokenCost.toNanos()));
    }

    /**
     * Charges the caller for a run estimated at {@code cost}; throws {@link RateLimitedException} when
     * the bucket is short of it, and {@link InvalidInputException} naming {@code field} when no full
     * bucket could pay for it.
     */
    void charge(HttpServletRequest request, Duration cost, String field, String run) {
        if (!enabled) {
            return;
        }
        long tokens = tokens(cost);
        if (tokens > capacity) {
            throw new InvalidInputException(field, "This run (" + run + ") is estimated at " + LabCost.describe(cost)
                    + " of CPU time; one request may use at most " + LabCost.describe(tokenCost.multipliedBy(capacity))
                    + ". Use a smaller tensor, fewer input rows or a cheaper method.");
        }
        RateDecision decision = buckets.tryConsume(request.getRemoteAddr(), (int) tokens);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision);
        }
    }
}
