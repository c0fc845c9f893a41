package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Multi-step scenarios over HTTP: draw one without answers, grade a step, errors as problem details. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScenarioApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void listsTheTemplatesAndDrawsTheSameScenarioForTheSameSeedWithoutAnswers() throws Exception {
        JsonNode templates = JSON.readTree(get("/api/v1/scenarios").body());
        assertThat(templates.findValuesAsString("id")).containsExactly("deploy-fp16-or-int4", "train-zero-fits");
        String first = get("/api/v1/scenarios/deploy-fp16-or-int4?seed=77").body();
        assertThat(get("/api/v1/scenarios/deploy-fp16-or-int4?seed=77").body()).isEqualTo(first);
        JsonNode s = JSON.readTree(first);
        assertThat(s.get("id").stringValue()).isEqualTo("deploy-fp16-or-int4.4d");
        assertThat(s.get("steps").size()).isEqualTo(5);
        assertThat(s.get("steps").get(0).get("question").get("unit").stringValue()).isEqualTo("GiB");
        assertThat(s.get("steps").get(4).get("question").get("options").size()).isEqualTo(3);
        assertThat(first).doesNotContain("\"correct\"").doesNotContain("misconception").doesNotContain("expected");
    }

    @Test
    void aStepsMistakeIsNamedThereAndItsAnswerComesOnceItIsOver() throws Exception {
        JsonNode s = JSON.readTree(get("/api/v1/scenarios/train-zero-fits?seed=3").body());
        String id = s.get("id").stringValue();
        long psi = Long.parseLong(s.get("premise").stringValue().replaceAll(".*\\(([0-9,]+) parameters\\).*", "$1")
                .replace(",", ""));
        String tenBytes = java.math.BigDecimal.valueOf(10 * psi).movePointLeft(9).toPlainString() + " GB";
        JsonNode miss = JSON.readTree(step(id, 0, tenBytes, 1).body());
        assertThat(miss.get("key").stringValue()).isEqualTo("states");
        assertThat(miss.get("correct").booleanValue()).isFalse();
        assertThat(miss.get("misconception").get("id").stringValue()).isEqualTo("adam-ten-bytes");
        assertThat(miss.get("over").booleanValue()).isFalse();
        assertThat(miss.get("expected").isNull()).isTrue();
        assertThat(miss.get("solution").isNull()).isTrue();
        String right = java.math.BigDecimal.valueOf(16 * psi).movePointLeft(9).toPlainString() + " GB";
        JsonNode hit = JSON.readTree(step(id, 0, right, 2).body());
        assertThat(hit.get("correct").booleanValue()).isTrue();
        assertThat(hit.get("score").doubleValue()).isEqualTo(0.5);
        assertThat(hit.get("over").booleanValue()).isTrue();
        assertThat(hit.get("solution").get("steps").size()).isEqualTo(3);
    }

    @Test
    void unknownScenariosStepsAndBadInputAreProblemDetails() throws Exception {
        HttpResponse<String> template = get("/api/v1/scenarios/astrology");
        assertThat(template.statusCode()).isEqualTo(404);
        assertThat(template.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(step("no-such.1", 0, "1 GB", 1).statusCode()).isEqualTo(404);
        assertThat(step("train-zero-fits.3", 9, "1 GB", 1).statusCode()).isEqualTo(404);
        HttpResponse<String> attempt = step("train-zero-fits.3", 0, "1 GB", 0);
        assertThat(attempt.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(attempt.body()).get("field").stringValue()).isEqualTo("attempt");
        HttpResponse<String> tooLong = step("train-zero-fits.3", 0, "9".repeat(201), 1);
        assertThat(JSON.readTree(tooLong.body()).get("field").stringValue()).isEqualTo("answer");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> step(String id, int index, String text, int attempt) throws Exception {
        String body = JSON.writeValueAsString(Map.of("answer", text, "attempt", attempt));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/scenarios/" + id
                        + "/steps/" + index + "/answer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
