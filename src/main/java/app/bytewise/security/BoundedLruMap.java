package app.bytewise.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry once it holds {@code capacity} entries. Throttles
 * keep per-client state in it, so a flood of new IP addresses or usernames costs bounded memory
 * instead of growing a map without limit (OWASP Denial of Service Cheat Sheet). Not thread-safe:
 * owners synchronize.
 */
final class BoundedLruMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    BoundedLruMap(int capacity) {
        super(16, 0.75f, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
