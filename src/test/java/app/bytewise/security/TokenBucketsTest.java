package app.bytewise.security;

import app.bytewise.TestClock;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final TokenBuckets buckets = new TokenBuckets(10, Duration.ofMinutes(1), 50, clock);

    @Test
    void aBurstUpToTheCapacityThenRefusalWithTheWaitUntilATokenIsBack() {
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.tryConsume("1.2.3.4", 1).allowed()).isTrue();
        }
        RateDecision refused = buckets.tryConsume("1.2.3.4", 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(6)); // 10 per minute: one every 6 s
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(buckets.tryConsume("5.6.7.8", 1).allowed()).isTrue(); // other clients unaffected

        clock.advance(Duration.ofSeconds(6));
        assertThat(buckets.tryConsume("1.2.3.4", 1).allowed()).isTrue();
        assertThat(buckets.tryConsume("1.2.3.4", 1).allowed()).isFalse();
    }

    @Test
    void expensiveActionsCostMoreTokens() {
        assertThat(buckets.tryConsume("a", 5).allowed()).isTrue();
        assertThat(buckets.tryConsume("a", 5).allowed()).isTrue();
        RateDecision refused = buckets.tryConsume("a", 5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        clock.advance(Duration.ofHours(1)); // refills to the capacity, never beyond
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.tryConsume("a", 1).allowed()).isTrue();
        }
        assertThat(buckets.tryConsume("a", 1).allowed()).isFalse();
    }

    @Test
    void trackedClientsAreBounded() {
        for (int i = 0; i < 1_000; i++) {
            buckets.tryConsume("client-" + i, 1);
        }
        assertThat(buckets.trackedKeys()).isEqualTo(50);
    }
}
