package app.bytewise.api;

import app.bytewise.quant.lab.LabMethod;
import app.bytewise.security.RateDecision;
import app.bytewise.security.TokenBuckets;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per client address for {@code POST /api/v1/quantize}, the one endpoint whose work
 * grows with the request: a 4096 × 4096 GPTQ run takes seconds of CPU. Methods that need layer inputs
 * (GPTQ, AWQ, LLM.int8(), SmoothQuant) solve or search over them and cost {@code heavyCost} tokens,
 * the rest one. The address is the TCP peer; behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so it is the client's, never a header the client
 * could set itself.
 */
class QuantizeRateLimit {

    private final boolean enabled;
    private final int heavyCost;
    private final TokenBuckets buckets;

    QuantizeRateLimit(boolean enabled, int capacity, Duration refillPeriod, int heavyCost, Clock clock) {
        this.enabled = enabled;
        this.heavyCost = heavyCost;
        this.buckets = new TokenBuckets(capacity, refillPeriod, 10_000, clock);
    }

    /** Charges the caller for one run of {@code method}; throws {@link RateLimitedException} when out of tokens. */
    void charge(HttpServletRequest request, LabMethod method) {
        if (!enabled) {
            return;
        }
        RateDecision decision = buckets.tryConsume(request.getRemoteAddr(), method.needsInputs() ? heavyCost : 1);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision);
        }
    }
}
