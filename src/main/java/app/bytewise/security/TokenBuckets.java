package app.bytewise.security;

import java.time.Clock;
import java.time.Duration;

/**
 * One token bucket per key (a client IP address): {@code capacity} tokens, refilled continuously at
 * {@code capacity} per {@code refillPeriod}. An action costing n tokens goes ahead only if n are left,
 * so a client may burst up to the capacity and then sustain the refill rate. At most
 * {@code maxKeys} buckets are kept; a forgotten bucket comes back full, which errs on the side of the
 * client, never of unbounded memory.
 */
public final class TokenBuckets {

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final BoundedLruMap<String, Bucket> buckets;

    public TokenBuckets(int capacity, Duration refillPeriod, int maxKeys, Clock clock) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("capacity and refill period must be positive");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) refillPeriod.toNanos();
        this.clock = clock;
        this.buckets = new BoundedLruMap<>(maxKeys);
    }

    /** Takes {@code cost} tokens from the key's bucket if it has them. */
    public synchronized RateDecision tryConsume(String key, int cost) {
        long now = nanos();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        bucket.refill(now, capacity, tokensPerNano);
        int needed = Math.min(cost, capacity); // a cost above the capacity could never be paid
        if (bucket.tokens >= needed) {
            bucket.tokens -= needed;
            return RateDecision.ALLOWED;
        }
        long waitNanos = (long) Math.ceil((needed - bucket.tokens) / tokensPerNano);
        return RateDecision.refused(Duration.ofNanos(waitNanos));
    }

    /** How many keys are tracked; at most {@code maxKeys}. */
    public synchronized int trackedKeys() {
        return buckets.size();
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        void refill(long now, int capacity, double tokensPerNano) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
                updatedAt = now;
            }
        }
    }
}
