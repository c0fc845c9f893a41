package app.bytewise.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Counts failed sign-ins per username and address and per address alone, in memory and bounded.
 * A success clears the username's count from that address but never the address's own count,
 * or a sprayer could reset it by signing in to an account of their own now and then.
 */
public final class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final BoundedLruMap<String, FailureWindow> windows;

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.windows = new BoundedLruMap<>(settings.maxTrackedKeys());
    }

    /** True while either the username from this address or the address itself is locked out. */
    public synchronized boolean isBlocked(String username, String address) {
        Instant now = clock.instant();
        return keys(username, address).stream()
                .map(windows::get)
                .anyMatch(w -> w != null && w.blockedUntil != null && now.isBefore(w.blockedUntil));
    }

    public synchronized void recordFailure(String username, String address) {
        Instant now = clock.instant();
        List<String> keys = keys(username, address);
        count(keys.get(0), now, settings.maxFailuresPerAccount());
        count(keys.get(1), now, settings.maxFailuresPerAddress());
    }

    public synchronized void recordSuccess(String username, String address) {
        windows.remove(keys(username, address).get(0));
    }

    /** How many keys are tracked; never more than the configured maximum. */
    public synchronized int trackedKeys() {
        return windows.size();
    }

    private void count(String key, Instant now, int limit) {
        FailureWindow w = windows.computeIfAbsent(key, k -> new FailureWindow(now));
        if (!now.isBefore(w.startedAt.plus(settings.window()))) {
            w.startedAt = now;
            w.failures = 0;
        }
        w.failures++;
        if (w.failures >= limit) {
            w.blockedUntil = now.plus(settings.lockout());
            w.startedAt = w.blockedUntil; // the count starts afresh once the lockout ends
            w.failures = 0;
        }
    }

    private static List<String> keys(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String from = address == null ? "unknown" : address;
        return List.of("account:" + name + "@" + from, "address:" + from);
    }

    private static final class FailureWindow {
        private Instant startedAt;
        private int failures;
        private Instant blockedUntil;

        FailureWindow(Instant startedAt) {
            this.startedAt = startedAt;
        }
    }
}
