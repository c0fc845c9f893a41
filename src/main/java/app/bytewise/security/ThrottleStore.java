package app.bytewise.security;

import java.time.Instant;
import java.util.Collection;
import java.util.function.UnaryOperator;

/** Where the sign-in throttle keeps its failure windows: this node's memory, or the shared database. */
interface ThrottleStore {

    /** True if any of these keys is locked out at {@code now}. */
    boolean anyBlocked(Collection<String> keys, Instant now);

    /** Replaces the key's window (starting from {@code FailureWindow.none(now)}) atomically, even across nodes. */
    void update(String key, Instant now, UnaryOperator<FailureWindow> change);

    void remove(String key);
}
