package app.bytewise.soak;

import app.bytewise.soak.SoakStats.Figures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a soak run's readings and judges them: no 5xx or failed check in any interval; used heap
 * after full collections flat once warmed up (the last third's median within 20 % or 32 MiB of the
 * first third's); each kind's median latency steady (the last third's within twice the first
 * third's plus 25 ms: the margin keeps other processes' load on a shared machine from passing for
 * a trend). Readings before the warm-up ends are shown but not judged: caches fill and
 * sessions accumulate until the first ones expire.
 */
final class SoakJudge {

    private record HeapSample(double seconds, long usedKib) {
    }

    private record Interval(double seconds, List<Figures> figures) {
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final double warmupSeconds;
    private final long pid;
    private final String jcmd;
    private final List<HeapSample> heap = new ArrayList<>();
    private final List<Interval> intervals = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();

    SoakJudge(double warmupSeconds, long pid, String jcmd) {
        this.warmupSeconds = warmupSeconds;
        this.pid = pid;
        this.jcmd = jcmd;
    }

    /** Up to 20 distinct failure descriptions, for the report. */
    synchronized void note(String failure) {
        if (notes.size() < 20) {
            notes.add(failure);
        }
    }

    synchronized void interval(double seconds, List<Figures> figures) {
        intervals.add(new Interval(seconds, figures));
        System.out.printf("-- %6.0f s%n", seconds);
        figures.forEach(f -> System.out.println("   " + f));
    }

    /** Used heap after two full collections, read with jcmd as scripts/session-heap.sh does. */
    void readHeap(double seconds) throws Exception {
        run(jcmd, Long.toString(pid), "GC.run");
        run(jcmd, Long.toString(pid), "GC.run");
        Matcher used = USED.matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no used heap");
        }
        long kib = Long.parseLong(used.group(1));
        synchronized (this) {
            heap.add(new HeapSample(seconds, kib));
        }
        System.out.printf("   heap after full GC at %6.0f s: %,d KiB%n", seconds, kib);
    }

    /** Heap and latency are judged only on a full run: the first-start phase is too short for trends. */
    synchronized boolean verdict(boolean trends) {
        boolean ok = true;
        int serverErrors = 0;
        int failures = 0;
        int total = 0;
        for (Interval i : intervals) {
            for (Figures f : i.figures()) {
                serverErrors += f.serverErrors();
                failures += f.otherFailures();
                total += f.count();
            }
        }
        System.out.printf("requests: %,d, 5xx: %d, other failed checks: %d%n", total, serverErrors, failures);
        notes.forEach(n -> System.out.println("   failure: " + n));
        ok &= serverErrors == 0 && failures == 0;
        if (trends) {
            ok &= heapFlat();
            ok &= latencySteady();
        }
        return ok;
    }

    private boolean heapFlat() {
        List<Long> judged = heap.stream().filter(h -> h.seconds() >= warmupSeconds).map(HeapSample::usedKib).toList();
        if (judged.size() < 3) {
            System.out.println("heap: too few readings after the warm-up to judge");
            return false;
        }
        int third = Math.max(1, judged.size() / 3);
        long first = median(judged.subList(0, third));
        long last = median(judged.subList(judged.size() - third, judged.size()));
        double hours = (heap.getLast().seconds() - warmupSeconds) / 3600;
        long allowed = Math.max(32 * 1024, first / 5);
        System.out.printf("heap after full GC, after the warm-up: first third median %,d KiB, last third %,d KiB "
                + "(%+.1f MiB over %.2f h; allowed +%,d KiB); min %,d, max %,d KiB%n", first, last,
                (last - first) / 1024.0, hours, allowed, judged.stream().mapToLong(Long::longValue).min().orElse(0),
                judged.stream().mapToLong(Long::longValue).max().orElse(0));
        return last - first <= allowed;
    }

    private boolean latencySteady() {
        Map<String, List<Double>> p50 = new TreeMap<>();
        Map<String, List<Double>> p99 = new TreeMap<>();
        for (Interval i : intervals) {
            if (i.seconds() <= warmupSeconds) {
                continue;
            }
            for (Figures f : i.figures()) {
                if (f.count() > 0) {
                    p50.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f.p50Millis());
                    p99.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f.p99Millis());
                }
            }
        }
        boolean ok = true;
        for (Map.Entry<String, List<Double>> e : p50.entrySet()) {
            List<Double> v = e.getValue();
            if (v.size() < 3) {
                continue;
            }
            int third = Math.max(1, v.size() / 3);
            double first = medianD(v.subList(0, third));
            double last = medianD(v.subList(v.size() - third, v.size()));
            List<Double> tail = p99.get(e.getKey());
            boolean steady = last <= 2 * first + 25;
            System.out.printf("latency %-11s p50 first third %7.1f ms, last third %7.1f ms; interval p99 %7.1f–%.1f ms%s%n",
                    e.getKey(), first, last, tail.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    tail.stream().mapToDouble(Double::doubleValue).max().orElse(0), steady ? "" : "  NOT STEADY");
            ok &= steady;
        }
        return ok;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double medianD(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
