package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stateless mock interview over HTTP: start, then a report from the id and the answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InterviewApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void startsWithQuestionsAndAScenarioAndNoAnswers() throws Exception {
        HttpResponse<String> started = post("/api/v1/interviews", Map.of("questions", 8, "minutes", 20, "seed", 5));
        assertThat(started.statusCode()).isEqualTo(200);
        JsonNode iv = JSON.readTree(started.body());
        assertThat(iv.get("id").stringValue()).isEqualTo("8q20m.5");
        assertThat(iv.get("timeLimitSeconds").longValue()).isEqualTo(1200);
        assertThat(iv.get("items").size()).isEqualTo(8);
        assertThat(iv.get("scenario").get("steps").size()).isGreaterThanOrEqualTo(4);
        assertThat(started.body()).doesNotContain("\"correct\"").doesNotContain("expected");
        assertThat(post("/api/v1/interviews", Map.of("questions", 8, "minutes", 20, "seed", 5)).body())
                .isEqualTo(started.body());
    }

    @Test
    void theReportScoresPerTopicAndNamesTheMisconceptionsWithLessons() throws Exception {
        JsonNode iv = JSON.readTree(post("/api/v1/interviews", Map.of("questions", 4, "minutes", 10, "seed", 12)).body());
        String id = iv.get("id").stringValue();
        JsonNode first = iv.get("items").get(0);
        Map<String, String> answers = new LinkedHashMap<>();
        // The first question answered with nonsense that still reads: wrong, counted, not blank.
        answers.put(first.get("id").stringValue(), first.get("kind").stringValue().equals("choice") ? "Z" : "1 bytes");
        Map<String, Object> body = Map.of("answers", answers, "steps", List.of(), "timedOut", true);
        HttpResponse<String> response = post("/api/v1/interviews/" + id + "/report", body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        int steps = iv.get("scenario").get("steps").size();
        assertThat(report.get("items").intValue()).isEqualTo(4 + steps);
        assertThat(report.get("points").doubleValue()).isZero();
        assertThat(report.get("timedOut").booleanValue()).isTrue();
        assertThat(report.get("blanks").intValue()).isBetween(3 + steps, 4 + steps);
        int perTopic = 0;
        for (JsonNode t : report.get("topics")) {
            perTopic += t.get("items").intValue();
            assertThat(t.get("lesson").stringValue()).startsWith("/lessons/");
        }
        assertThat(perTopic).isEqualTo(4 + steps);
        JsonNode result = report.get("results").get(1);
        assertThat(result.get("status").stringValue()).isEqualTo("blank");
        assertThat(result.get("expected").stringValue()).isNotBlank();
        assertThat(result.get("solution").get("lesson").stringValue()).startsWith("/lessons/");
    }

    @Test
    void plansAnswersAndIdsAreBounded() throws Exception {
        HttpResponse<String> plan = post("/api/v1/interviews", Map.of("questions", 100));
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(plan.body()).get("field").stringValue()).isEqualTo("questions");
        assertThat(plan.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> stranger = post("/api/v1/interviews/4q10m.c/report",
                Map.of("answers", Map.of("kv-cache-mha.c.1", "A")));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(stranger.body()).get("field").stringValue()).isEqualTo("answers.kv-cache-mha.c.1");
        HttpResponse<String> tooMany = post("/api/v1/interviews/4q10m.c/report",
                Map.of("steps", java.util.Collections.nCopies(20, "1")));
        assertThat(JSON.readTree(tooMany.body()).get("field").stringValue()).isEqualTo("steps");
        assertThat(post("/api/v1/interviews/5q10m.c/report", Map.of()).statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/interviews/nonsense/report", Map.of()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
