package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 10,000 generated hostile requests against estimate, quantize and the drill endpoints over real
 * HTTP: none may answer 5xx, and every 4xx must be a problem detail whose {@code status} matches.
 * Every request is bounded in cost, the costly shapes included (ten million layers, integers past
 * 2^63, exponents of ten million): each answers within {@link #MAX_REQUEST}, allocates at most
 * {@link #MAX_ALLOCATION} on the server's threads, and the run leaves no more than
 * {@link #MAX_HEAP_GROWTH} of heap behind. The bounds are generous: a request takes milliseconds.
 * Seeded, so a failure names the request that reproduces it ({@code -Dfuzz.seed} picks another run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiFuzzTest {

    static final int REQUESTS = 10_000;
    static final Duration MAX_REQUEST = Duration.ofSeconds(2);
    /** Bodies are at most 8 MiB; reading, parsing and answering one allocates a small multiple of that. */
    static final long MAX_ALLOCATION = 1L << 30;
    static final long MAX_HEAP_GROWTH = 256L << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void tenThousandHostileRequestsGetNo5xxAndOnlyProblemDetails() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20260302L);
        FuzzInputs inputs = new FuzzInputs(seed, questionIds());
        warmUp(new FuzzInputs(seed + 1, questionIds()));
        long heapBefore = usedHeapAfterGc();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        long mostAllocated = 0;
        for (int i = 0; i < REQUESTS; i++) {
            FuzzInputs.Input input = inputs.next();
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            HttpResponse<String> response = send(input);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long allocated = allocatedBytes() - allocatedBefore;
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            mostAllocated = Math.max(mostAllocated, allocated);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(response);
            if (problem == null && took.compareTo(MAX_REQUEST) > 0) {
                problem = "took " + took.toMillis() + " ms";
            }
            if (problem == null && allocated > MAX_ALLOCATION) {
                problem = "allocated " + (allocated >> 20) + " MiB";
            }
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + input.method() + " " + abbreviate(input.path()) + " ["
                        + input.contentType() + "] " + input.description() + " -> " + problem);
            }
        }
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.printf("API fuzz, seed %d: %d requests, statuses %s, slowest %d ms, most allocated %d MiB, "
                + "heap growth %d MiB%n", seed, REQUESTS, statuses, slowest.toMillis(), mostAllocated >> 20,
                heapGrowth >> 20);
        assertThat(failures).as("seed " + seed + ", statuses " + statuses).isEmpty();
        assertThat(heapGrowth).as("heap left behind after the run").isLessThan(MAX_HEAP_GROWTH);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(statuses.keySet()).allMatch(status -> status < 500);
        assertThat(statuses).containsKeys(200, 400, 404, 415); // the generator reaches success and each refusal
    }

    /** A round of each kind of request first, so class loading and compilation are not timed. */
    private void warmUp(FuzzInputs inputs) throws Exception {
        for (int i = 0; i < 200; i++) {
            send(inputs.next());
        }
    }

    /** Bytes allocated so far by every live thread of this JVM, the server's request threads included. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Null when the response is acceptable, else what is wrong with it. */
    private static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + type + "': " + abbreviate(response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body.path("status").asInt() != status) {
                return status + " whose body says status " + body.path("status");
            }
        } catch (RuntimeException e) {
            return status + " with an unreadable problem body: " + abbreviate(response.body());
        }
        String body = response.body();
        return body.contains("Exception") || body.contains("\tat ") ? status + " leaking internals" : null;
    }

    private HttpResponse<String> send(FuzzInputs.Input input) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + input.path()));
        if (input.contentType() != null) {
            builder.header("Content-Type", input.contentType());
        }
        builder.method(input.method(), input.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(input.body()));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> questionIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int seed = 0; seed < 20; seed++) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/questions?seed=" + seed)).build(), HttpResponse.BodyHandlers.ofString());
            ids.add(JSON.readTree(response.body()).get("id").stringValue());
        }
        return ids;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
