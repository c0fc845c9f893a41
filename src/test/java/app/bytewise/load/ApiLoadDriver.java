package app.bytewise.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load against a running app: requests start on a fixed schedule (a constant rate), each
 * on its own virtual thread, whether or not earlier ones have answered. Latency is measured from the
 * scheduled start, not the actual send, so a stalled server shows up as latency instead of silently
 * lowering the rate (the "coordinated omission" a closed loop of waiting clients suffers).
 * Not a test: run it with {@code scripts/load-test.sh}.
 *
 * <p>Arguments: base URL, requests per second, seconds measured (after as many seconds of warm-up
 * at the same rate, unrecorded), and scenarios (estimate, question, answer; default all).
 */
public final class ApiLoadDriver {

    private static final String ESTIMATE = """
            {"model": {"preset": "llama-2-7b"}, "mode": "inference", "weights": "fp16", "kvCache": "fp16",
             "contextLength": 32768, "batchSize": 1, "gpu": "a100-80gb-sxm", "gpuCount": 1}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    private ApiLoadDriver(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> scenarios = args.length > 3 ? List.of(args[3].split(",")) : List.of("estimate", "question", "answer");
        ApiLoadDriver driver = new ApiLoadDriver(base);
        System.out.printf("%s, %d CPUs, Java %s; %d requests/s for %d s after %d s warm-up%n", base,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), rate, seconds, seconds);
        for (String scenario : scenarios) {
            driver.run(scenario, rate, seconds, false);
            Result result = driver.run(scenario, rate, seconds, true);
            System.out.println(result);
        }
    }

    record Result(String scenario, int sent, int ok, int errors, double seconds, long[] sortedNanos) {
        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%-9s sent %6d, 2xx %6d, errors %d, throughput %.0f/s, latency ms p50 %.2f  p90 %.2f"
                    + "  p99 %.2f  p99.9 %.2f  max %.2f", scenario, sent, ok, errors, ok / seconds, percentileMillis(50),
                    percentileMillis(90), percentileMillis(99), percentileMillis(99.9), percentileMillis(100));
        }
    }

    private Result run(String scenario, int rate, int seconds, boolean record) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest request = request(scenario, i);
                int slot = i;
                threads.execute(() -> {
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies[slot] = System.nanoTime() - scheduled;
                        (response.statusCode() / 100 == 2 ? ok : errors).incrementAndGet();
                    } catch (Exception e) {
                        latencies[slot] = System.nanoTime() - scheduled;
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("First error: " + e);
                        }
                    }
                });
            }
            threads.shutdown();
            threads.awaitTermination(2, TimeUnit.MINUTES);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = record ? latencies.clone() : new long[0];
        Arrays.sort(sorted);
        return new Result(scenario, total, ok.get(), errors.get(), elapsed, sorted);
    }

    private HttpRequest request(String scenario, int i) {
        return switch (scenario) {
            case "estimate" -> post("/api/v1/estimate", ESTIMATE);
            case "question" -> HttpRequest.newBuilder(URI.create(base + "/api/v1/questions?topic=kv-cache&seed=" + i))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            case "answer" -> post("/api/v1/questions/" + QUESTION_ID + "/answer", "{\"answer\": \"12 GiB\"}");
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
    }

    /** A fixed question id; answering it grades a numeric answer against the regenerated question. */
    private static final String QUESTION_ID = System.getProperty("load.question", "kv-cache-paged.n.2a");

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
