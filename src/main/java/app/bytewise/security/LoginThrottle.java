package app.bytewise.security;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Counts failed sign-ins per username and address and per address alone, in a {@link ThrottleStore}.
 * A success clears the username's count from that address but never the address's own count,
 * or a sprayer could reset it by signing in to an account of their own now and then.
 */
public final class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final ThrottleStore store;

    LoginThrottle(LoginThrottleSettings settings, Clock clock, ThrottleStore store) {
        this.settings = settings;
        this.clock = clock;
        this.store = store;
    }

    /** True while either the username from this address or the address itself is locked out. */
    public boolean isBlocked(String username, String address) {
        return store.anyBlocked(keys(username, address), clock.instant());
    }

    public void recordFailure(String username, String address) {
        var now = clock.instant();
        List<String> keys = keys(username, address);
        store.update(keys.get(0), now,
                w -> w.afterFailure(now, settings.maxFailuresPerAccount(), settings.window(), settings.lockout()));
        store.update(keys.get(1), now,
                w -> w.afterFailure(now, settings.maxFailuresPerAddress(), settings.window(), settings.lockout()));
    }

    public void recordSuccess(String username, String address) {
        store.remove(keys(username, address).get(0));
    }

    private static List<String> keys(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String from = address == null ? "unknown" : address;
        return List.of("account:" + name + "@" + from, "address:" + from);
    }
}
