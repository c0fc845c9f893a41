package app.bytewise.ui.lab;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Items waiting for a worker, served round-robin by key: each take goes to the next key in turn
 * that has something waiting, first in first out within a key. A key that queues many items thus
 * delays every other key by at most one item per turn, however many it queues. Thread-safe;
 * {@link #take()} blocks until there is an item.
 */
final class FairQueue<K, T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    /** Keys in the order of their next turn (insertion order), each with its items oldest first. */
    private final LinkedHashMap<K, ArrayDeque<T>> waiting = new LinkedHashMap<>();
    private int size;

    /** Adds {@code item} behind the key's other items; a key with nothing waiting joins the end of the turn order. */
    void put(K key, T item) {
        lock.lock();
        try {
            waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(item);
            size++;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest item of the key whose turn it is; that key then goes to the back of the turn order. */
    T take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (size == 0) {
                notEmpty.await();
            }
            Iterator<Map.Entry<K, ArrayDeque<T>>> turns = waiting.entrySet().iterator();
            Map.Entry<K, ArrayDeque<T>> first = turns.next();
            turns.remove();
            T item = first.getValue().pollFirst();
            if (!first.getValue().isEmpty()) {
                waiting.put(first.getKey(), first.getValue());
            }
            size--;
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code item} out of the queue; false if it was not waiting (already taken, or never put). */
    boolean remove(T item) {
        lock.lock();
        try {
            for (Iterator<ArrayDeque<T>> it = waiting.values().iterator(); it.hasNext(); ) {
                ArrayDeque<T> items = it.next();
                if (items.remove(item)) {
                    if (items.isEmpty()) {
                        it.remove();
                    }
                    size--;
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many items {@link #take()} will hand out before {@code item}, or -1 if it is not waiting.
     * The n-th item of a key goes in the n-th round of turns; before it go every key's items of
     * earlier rounds, and in its own round the keys ahead of its key in the turn order.
     */
    int ahead(T item) {
        lock.lock();
        try {
            int keyIndex = 0;
            for (ArrayDeque<T> items : waiting.values()) {
                int round = indexOf(items, item);
                if (round >= 0) {
                    int before = 0;
                    int k = 0;
                    for (ArrayDeque<T> other : waiting.values()) {
                        before += Math.min(other.size(), round) + (k < keyIndex && other.size() > round ? 1 : 0);
                        k++;
                    }
                    return before;
                }
                keyIndex++;
            }
            return -1;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    private static <T> int indexOf(ArrayDeque<T> items, T item) {
        int i = 0;
        for (T t : items) {
            if (t.equals(item)) {
                return i;
            }
            i++;
        }
        return -1;
    }
}
