package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryThrottleStoreTest {

    @Test
    void memoryIsBoundedHoweverManyClientsFail() {
        MemoryThrottleStore memory = new MemoryThrottleStore(100);
        LoginThrottle throttle = new LoginThrottle(LoginThrottleTest.SETTINGS,
                new TestClock(Instant.parse("2026-03-02T09:00:00Z")), memory);
        for (int i = 0; i < 10_000; i++) {
            throttle.recordFailure("user" + i, "10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(memory.size()).isEqualTo(100);
    }
}
