package app.bytewise.security;

import java.time.Instant;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * Failure windows in this node's memory, bounded (least recently used forgotten first). Each node
 * counts for itself, so with several nodes behind a balancer the limits multiply; for one node.
 */
final class MemoryThrottleStore implements ThrottleStore {

    private final BoundedLruMap<String, FailureWindow> windows;

    MemoryThrottleStore(int maxTrackedKeys) {
        this.windows = new BoundedLruMap<>(maxTrackedKeys);
    }

    @Override
    public synchronized boolean anyBlocked(Collection<String> keys, Instant now) {
        return keys.stream().map(windows::get).anyMatch(w -> w != null && w.blocks(now));
    }

    @Override
    public synchronized void update(String key, Instant now, UnaryOperator<FailureWindow> change) {
        windows.put(key, change.apply(windows.getOrDefault(key, FailureWindow.none(now))));
    }

    @Override
    public synchronized void remove(String key) {
        windows.remove(key);
    }

    synchronized int size() {
        return windows.size();
    }
}
