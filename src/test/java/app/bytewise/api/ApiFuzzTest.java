package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Seeded, so a failure names the request that reproduces it ({@code -Dfuzz.seed} picks another run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiFuzzTest {

    static final int REQUESTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void tenThousandHostileRequestsGetNo5xxAndOnlyProblemDetails() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20260302L);
        FuzzInputs inputs = new FuzzInputs(seed, questionIds());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzInputs.Input input = inputs.next();
            HttpResponse<String> response = send(input);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(response);
            if (problem != null && failures.size() < 20) {
                failures.add("#" + i + " " + input.method() + " " + abbreviate(input.path()) + " ["
                        + input.contentType() + "] " + input.description() + " -> " + problem);
            }
        }
        System.out.printf("API fuzz, seed %d: %d requests, statuses %s%n", seed, REQUESTS, statuses);
        assertThat(failures).as("seed " + seed + ", statuses " + statuses).isEmpty();
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        assertThat(statuses.keySet()).allMatch(status -> status < 500);
        assertThat(statuses).containsKeys(200, 400, 404, 415); // the generator reaches success and each refusal
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
