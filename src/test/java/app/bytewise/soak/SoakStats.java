package app.bytewise.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and latencies of one soak interval, per kind of request. Thread-safe; {@link #drain()}
 * hands over what was recorded and starts the next interval.
 */
final class SoakStats {

    /** What one kind of request did in one interval. */
    record Figures(String kind, int count, int serverErrors, int otherFailures, double p50Millis, double p99Millis) {

        @Override
        public String toString() {
            return String.format("%-11s n %5d  5xx %d  failed %d  p50 %7.1f ms  p99 %7.1f ms", kind, count, serverErrors,
                    otherFailures, p50Millis, p99Millis);
        }
    }

    private static final class Bucket {
        final List<Long> nanos = new ArrayList<>();
        int serverErrors;
        int otherFailures;
    }

    private volatile Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** One request: its kind, HTTP status (0 when it never got one), whether its check passed, its latency. */
    void record(String kind, int status, boolean passed, long nanos) {
        Bucket bucket = buckets.computeIfAbsent(kind, k -> new Bucket());
        synchronized (bucket) {
            bucket.nanos.add(nanos);
            if (status >= 500) {
                bucket.serverErrors++;
            } else if (!passed) {
                bucket.otherFailures++;
            }
        }
    }

    /** The figures of the interval that ends now, by kind, and a fresh interval. */
    List<Figures> drain() {
        Map<String, Bucket> done = buckets;
        buckets = new ConcurrentHashMap<>();
        List<Figures> figures = new ArrayList<>();
        for (Map.Entry<String, Bucket> e : new TreeMap<>(done).entrySet()) {
            Bucket b = e.getValue();
            synchronized (b) {
                long[] sorted = b.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                figures.add(new Figures(e.getKey(), sorted.length, b.serverErrors, b.otherFailures,
                        percentile(sorted, 50), percentile(sorted, 99)));
            }
        }
        return figures;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
