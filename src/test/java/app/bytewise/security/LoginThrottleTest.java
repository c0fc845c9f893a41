package app.bytewise.security;

import app.bytewise.TestClock;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's rules on this node's memory; {@code LoginThrottleOnDatabaseTest} runs the same rules on the database. */
class LoginThrottleTest {

    static final LoginThrottleSettings SETTINGS = new LoginThrottleSettings(5, 20, Duration.ofMinutes(1),
            Duration.ofMinutes(5), 100, LoginThrottleSettings.Store.MEMORY);

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    protected LoginThrottle throttle = new LoginThrottle(SETTINGS, clock, new MemoryThrottleStore(SETTINGS.maxTrackedKeys()));

    @Test
    void fiveFailuresWithinAMinuteLockTheAccountFromThatAddressForTheLockout() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ada", "10.0.0.1");
            assertThat(throttle.isBlocked("ada", "10.0.0.1")).isFalse();
        }
        throttle.recordFailure("ADA ", "10.0.0.1"); // same account: names are case-insensitive
        assertThat(throttle.isBlocked("ada", "10.0.0.1")).isTrue();
        // Another address, or another account from this address, is not locked by it.
        assertThat(throttle.isBlocked("ada", "10.0.0.2")).isFalse();
        assertThat(throttle.isBlocked("grace", "10.0.0.1")).isFalse();

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(throttle.isBlocked("ada", "10.0.0.1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked("ada", "10.0.0.1")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 12; i++) {
            throttle.recordFailure("ada", "10.0.0.1");
            clock.advance(Duration.ofSeconds(20)); // at most 3 in any one minute
            if (i % 3 == 2) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(throttle.isBlocked("ada", "10.0.0.1")).isFalse();
    }

    @Test
    void aSuccessResetsTheAccountCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ada", "10.0.0.1");
        }
        throttle.recordSuccess("ada", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ada", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("ada", "10.0.0.1")).isFalse();
        throttle.recordFailure("ada", "10.0.0.1");
        assertThat(throttle.isBlocked("ada", "10.0.0.1")).isTrue();
    }

    @Test
    void sprayingManyAccountsFromOneAddressLocksTheAddress() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThat(throttle.isBlocked("someone-else", "10.0.0.9")).isFalse();
        throttle.recordFailure("user19", "10.0.0.9");
        assertThat(throttle.isBlocked("someone-else", "10.0.0.9")).isTrue();
        assertThat(throttle.isBlocked("someone-else", "10.0.0.10")).isFalse();
        // A success on an account of the sprayer's own does not lift the address lock.
        throttle.recordSuccess("own-account", "10.0.0.9");
        assertThat(throttle.isBlocked("own-account", "10.0.0.9")).isTrue();
    }
}
