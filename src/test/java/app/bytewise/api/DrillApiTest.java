package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The drill API's JSON contract over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DrillApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void topicsListTemplateCounts() throws Exception {
        JsonNode topics = JSON.readTree(get("/api/v1/topics").body());
        assertThat(topics.size()).isEqualTo(12);
        assertThat(topics.get(0).get("id").stringValue()).isEqualTo("precision-formats");
        for (JsonNode t : topics) {
            assertThat(t.get("templateCount").intValue()).as(t.toString()).isPositive();
        }
    }

    @Test
    void theSameSeedGivesTheIdenticalJsonAndNoAnswer() throws Exception {
        String path = "/api/v1/questions?topic=kv-cache&difficulty=2&seed=12345&kind=choice";
        String first = get(path).body();
        assertThat(get(path).body()).isEqualTo(first);
        JsonNode q = JSON.readTree(first);
        assertThat(q.get("kind").stringValue()).isEqualTo("choice");
        assertThat(q.get("topic").stringValue()).isEqualTo("kv-cache");
        assertThat(q.get("options").size()).isBetween(4, 5);
        assertThat(first).doesNotContain("correct").doesNotContain("misconception");
    }

    @Test
    void aNumericQuestionIsGradedWithUnitsAndMisconceptions() throws Exception {
        JsonNode q = JSON.readTree(get("/api/v1/questions?topic=training-memory&difficulty=1&seed=3&kind=numeric").body());
        assertThat(q.get("unit").stringValue()).isEqualTo("GB");
        assertThat(q.has("options")).isFalse();
        String id = q.get("id").stringValue();
        // The question asks about n parameters with mixed-precision Adam: the engine says 16·n bytes.
        long n = new java.math.BigDecimal(q.get("text").stringValue()
                .replaceAll(".*with ([0-9.]+) billion parameters.*", "$1")).movePointRight(9).longValueExact();
        JsonNode right = JSON.readTree(answer(id, (16 * n / 1_000_000_000.0) + " GB").body());
        assertThat(right.get("correct").booleanValue()).isTrue();
        assertThat(right.get("score").doubleValue()).isEqualTo(1.0);
        assertThat(right.get("over").booleanValue()).isTrue();
        assertThat(right.get("expected").stringValue()).isNotBlank();
        String tenBytesTyped = (10 * n / 1_000_000_000.0) + " GB";
        JsonNode tenBytes = JSON.readTree(answer(id, tenBytesTyped).body());
        assertThat(tenBytes.get("correct").booleanValue()).isFalse();
        assertThat(tenBytes.get("misconception").get("id").stringValue()).isEqualTo("adam-ten-bytes");
        // A first miss gives the step of the slip, never the answer: the retry must not be a copy.
        assertThat(tenBytes.get("over").booleanValue()).isFalse();
        assertThat(tenBytes.get("expected").isNull()).isTrue();
        assertThat(tenBytes.get("solution").isNull()).isTrue();
        assertThat(tenBytes.get("wrongStep").stringValue()).isNotBlank();
        assertThat(tenBytes.toString()).doesNotContain(right.get("expected").stringValue());
        JsonNode second = JSON.readTree(answer(id, tenBytesTyped, 2).body());
        assertThat(second.get("over").booleanValue()).isTrue();
        assertThat(second.get("expected").stringValue()).isEqualTo(right.get("expected").stringValue());
        assertThat(second.get("solution").get("steps").size()).isPositive();
        assertThat(second.get("solution").get("lesson").stringValue()).isEqualTo("/lessons/training-memory");
    }

    @Test
    void unreadableAnswersAndUnknownIds() throws Exception {
        JsonNode q = JSON.readTree(get("/api/v1/questions?topic=zero&seed=9&kind=numeric").body());
        HttpResponse<String> garbled = answer(q.get("id").stringValue(), "lots of memory");
        assertThat(garbled.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(garbled.body());
        assertThat(body.get("correct").isNull()).isTrue();
        assertThat(body.get("feedback").stringValue()).contains("does not start with a number");

        HttpResponse<String> missing = answer("no-such-template.c.1", "A");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(get("/api/v1/questions?topic=astrology").statusCode()).isEqualTo(400);
    }

    /** 14 bytes that cost 40 s of CPU before: a huge exponent is unreadable, graded at once, no attempt spent. */
    @Test
    void hugeExponentsAreUnreadableAnswers() throws Exception {
        String id = JSON.readTree(get("/api/v1/questions?topic=weight-memory&seed=4&kind=numeric").body())
                .get("id").stringValue();
        for (String typed : new String[] {"1e10000000 GB", "1e999", "1e99999999999999999999", "9".repeat(100_000)}) {
            HttpResponse<String> response = answer(id, typed);
            assertThat(response.statusCode()).as(typed).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("correct").isNull()).as(typed).isTrue();
            assertThat(body.get("recorded").booleanValue()).isFalse();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> answer(String id, String text) throws Exception {
        return answer(id, text, 1);
    }

    private HttpResponse<String> answer(String id, String text, int attempt) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("answer", text, "attempt", attempt));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/questions/" + id + "/answer"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
