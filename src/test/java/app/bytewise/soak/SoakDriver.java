package app.bytewise.soak;

import app.bytewise.soak.SoakActions.Outcome;
import app.bytewise.soak.SoakStats.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a running app with a steady mix of what its users do, for a given time, then checks it
 * stayed up: no 5xx and no failed check, every write readable afterwards, heap after full
 * collections flat, response times steady. Open loop: each kind of request starts on its own fixed
 * schedule whether or not earlier ones answered, and latency counts from the scheduled start. Not a
 * test: run it with {@code scripts/soak.sh}, which starts the jar and prepares its database.
 *
 * <p>Arguments: base URL, seconds, the app's process id (for {@code jcmd}), the {@code jcmd}
 * command, and a phase: {@code fresh} (a first start on an empty database: drill answers, estimates
 * and pages only, since it has no soak accounts yet) or {@code full}. Settings as system properties:
 * {@code soak.warmup} (seconds of samples not judged), {@code soak.interval} (report period),
 * {@code soak.heapEvery} (seconds between heap readings), {@code soak.candidates} (soak accounts).
 */
public final class SoakDriver {

    private static final String DEMO = "candidate:candidate-demo";
    private static final Pattern ATTEMPTS = Pattern.compile("\"attempts\"\\s*:\\s*(\\d+)\\s*,\\s*\"topics\"");
    private static final Pattern ASSIGNMENT_ID = Pattern.compile("\\{\"id\"\\s*:\\s*(\\d+)");
    private static final int ATTEMPTS_PER_ASSIGNMENT = 10;

    /** One (account, assignment) pair that still has attempts, handed to one submitter at a time. */
    private record Slot(String credentials, long assignment) {
    }

    private final SoakActions actions;
    private final SoakStats stats = new SoakStats();
    private final SoakJudge judge;
    private final AtomicLong recorded = new AtomicLong();
    private final Queue<Slot> slots = new ConcurrentLinkedQueue<>();
    private final Map<Slot, AtomicInteger> submitted = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private SoakDriver(String base, SoakJudge judge) {
        this.actions = new SoakActions(base);
        this.judge = judge;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long seconds = Long.parseLong(args[1]);
        long pid = Long.parseLong(args[2]);
        String jcmd = args[3];
        boolean full = args.length < 5 || args[4].equals("full");
        SoakJudge judge = new SoakJudge(Long.getLong("soak.warmup", Math.min(300, seconds / 3)), pid, jcmd);
        SoakDriver driver = new SoakDriver(base, judge);
        System.out.printf("soak (%s) of %s for %d s, %d CPUs, Java %s%n", full ? "full" : "fresh", base, seconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        boolean ok = driver.run(seconds, full, Long.getLong("soak.interval", 60),
                Long.getLong("soak.heapEvery", 60), Integer.getInteger("soak.candidates", 80));
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        System.exit(ok ? 0 : 1);
    }

    private boolean run(long seconds, boolean full, long interval, long heapEvery, int candidates) throws Exception {
        long baseline = attempts();
        if (full) {
            prepareSlots(candidates);
        }
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> schedules = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            schedules.add(every(requests, "page", 1.0, end, r -> actions.page(
                    SoakActions.PAGES.get(r.nextInt(SoakActions.PAGES.size())))));
            schedules.add(every(requests, "question", 1.0, end, actions::question));
            schedules.add(every(requests, "answer", 2.0, end, r -> actions.answer(r, null)));
            schedules.add(every(requests, "answer-auth", 0.5, end, r -> {
                Outcome o = actions.answer(r, DEMO);
                if (o.passed()) {
                    recorded.incrementAndGet();
                }
                return o;
            }));
            schedules.add(every(requests, "estimate", 2.0, end, actions::estimate));
            if (full) {
                schedules.add(every(requests, "lab-run", 0.3, end, actions::labRun));
                schedules.add(every(requests, "submission", 0.4, end, this::submitNext));
            }
            long nextReport = start + TimeUnit.SECONDS.toNanos(interval);
            long nextHeap = start;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextHeap) {
                    judge.readHeap((now - start) / 1e9);
                    nextHeap += TimeUnit.SECONDS.toNanos(heapEvery);
                }
                if (now >= nextReport) {
                    judge.interval((now - start) / 1e9, stats.drain());
                    nextReport += TimeUnit.SECONDS.toNanos(interval);
                }
                Thread.sleep(200);
            }
            running = false;
            for (Thread t : schedules) {
                t.join();
            }
            requests.shutdown();
            requests.awaitTermination(2, TimeUnit.MINUTES);
        }
        judge.interval((System.nanoTime() - start) / 1e9, stats.drain());
        judge.readHeap((System.nanoTime() - start) / 1e9);
        return judge.verdict(full) & writesReadable(baseline);
    }

    private interface Action {
        Outcome run(Random random) throws Exception;
    }

    /** A schedule: one request of this kind every 1/rate seconds until the end, each on its own thread. */
    private Thread every(ExecutorService requests, String kind, double rate, long end, Action action) {
        long period = (long) (1e9 / rate);
        return Thread.ofPlatform().name("soak-" + kind).start(() -> {
            Random random = new Random(kind.hashCode());
            for (long scheduled = System.nanoTime(); running && scheduled < end; scheduled += period) {
                LockSupport.parkNanos(scheduled - System.nanoTime());
                long at = scheduled;
                long seed = random.nextLong();
                requests.execute(() -> {
                    Outcome outcome;
                    try {
                        outcome = action.run(new Random(seed));
                    } catch (Exception e) {
                        outcome = new Outcome(0, false);
                        judge.note(kind + ": " + e);
                    }
                    stats.record(kind, outcome.status(), outcome.passed(), System.nanoTime() - at);
                    if (!outcome.passed()) {
                        judge.note(kind + ": status " + outcome.status());
                    }
                });
            }
        });
    }

    private Outcome submitNext(Random random) throws Exception {
        Slot slot = slots.poll();
        if (slot == null) {
            return new Outcome(200, true); // every attempt used: nothing left to submit
        }
        Outcome outcome = actions.submission(slot.credentials(), slot.assignment(), random);
        if (outcome.passed() && submitted.computeIfAbsent(slot, s -> new AtomicInteger()).incrementAndGet()
                < ATTEMPTS_PER_ASSIGNMENT) {
            slots.add(slot);
        }
        return outcome;
    }

    /** The soak accounts (soak-001 …, the demo candidate's password) and the assignments each can take. */
    private void prepareSlots(int candidates) throws Exception {
        for (int i = 1; i <= candidates; i++) {
            String credentials = "soak-%03d:candidate-demo".formatted(i);
            for (Matcher m = ASSIGNMENT_ID.matcher(actions.read("/api/v1/assignments", credentials).replace(" ", ""));
                    m.find(); ) {
                slots.add(new Slot(credentials, Long.parseLong(m.group(1))));
            }
        }
        System.out.printf("%d (account, assignment) pairs of %d attempts each%n", slots.size(), ATTEMPTS_PER_ASSIGNMENT);
        if (slots.isEmpty()) {
            throw new IllegalStateException("No soak assignments: scripts/soak.sh prepares them");
        }
    }

    private long attempts() throws Exception {
        Matcher m = ATTEMPTS.matcher(actions.read("/api/v1/me/progress", DEMO));
        if (!m.find()) {
            throw new IllegalStateException("No attempt count in /api/v1/me/progress");
        }
        return Long.parseLong(m.group(1));
    }

    /** Every acknowledged write is there: the recorded drill answers and each pair's submissions. */
    private boolean writesReadable(long baseline) throws Exception {
        boolean ok = true;
        long expected = baseline + recorded.get();
        long found = attempts();
        System.out.printf("drill answers recorded: %d acknowledged, %d more in progress (%d before, %d after)%n",
                recorded.get(), found - baseline, baseline, found);
        ok &= found == expected;
        int acknowledged = 0;
        int read = 0;
        for (Map.Entry<Slot, AtomicInteger> e : submitted.entrySet()) {
            String body = actions.read("/api/v1/assignments/" + e.getKey().assignment() + "/submissions",
                    e.getKey().credentials());
            int attempts = body.split("\"attemptNo\"", -1).length - 1;
            acknowledged += e.getValue().get();
            read += attempts;
            ok &= attempts == e.getValue().get();
        }
        System.out.printf("quiz submissions: %d acknowledged (201), %d read back%n", acknowledged, read);
        return ok;
    }
}
