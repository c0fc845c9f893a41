package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Every API error is a problem detail without internals, bodies and JSON are bounded, and headers are set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiHardeningTest {

    private static final String ESTIMATE = """
            {"model": {"preset": "llama-2-7b"}, "weights": "fp16", "contextLength": 4096}""";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0} {1} as {2}, accepting {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /api/v1/no-such-thing | ''               | application/json | 404",
        "DELETE | /api/v1/estimate      | ''               | application/json | 405",
        "POST   | /api/v1/estimate      | application/json | text/csv         | 406",
        "POST   | /api/v1/estimate      | text/plain       | application/json | 415",
        "POST   | /api/v1/quantize      | application/xml  | application/json | 415",
    })
    void protocolErrorsAreProblemDetails(String method, String path, String contentType, String accept, int status)
            throws Exception {
        var builder = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (!contentType.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString(ESTIMATE)
                : HttpRequest.BodyPublishers.noBody());
        assertProblem(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()), status);
    }

    @Test
    void malformedJsonIsA400ProblemDetail() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/estimate", "{\"model\": {\"preset\": ");
        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":");
    }

    @Test
    void deeplyNestedJsonIsRefusedBeforeBinding() throws Exception {
        String deep = "{\"model\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        HttpResponse<String> response = postJson("/api/v1/estimate", deep);
        assertProblem(response, 400);
        assertThat(response.body()).contains("nested too deeply");
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedWith413() throws Exception {
        byte[] nine = new byte[9 * 1024 * 1024];
        Arrays.fill(nine, (byte) ' ');
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/quantize"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(nine)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 413);
        assertThat(response.body()).contains("exceeds 8388608 bytes");
    }

    @Test
    void aChunkedBodyThatGrowsTooLargeIsRefusedWith413() throws Exception {
        byte[] nine = new byte[9 * 1024 * 1024];
        Arrays.fill(nine, (byte) ' ');
        nine[0] = '{';
        // An input-stream publisher has no known length, so the client sends it chunked.
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/quantize"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(nine))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 413);
    }

    @Test
    void aHugeNumberIsA400NotA500() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/estimate",
                "{\"model\": {\"preset\": \"llama-2-7b\"}, \"contextLength\": 1" + "0".repeat(400) + "}");
        assertProblem(response, 400);
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/estimate", ESTIMATE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response);
    }

    @Test
    void uiPagesCarryTheSecurityHeadersAndNoHstsOverPlainHttp() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        assertSecurityHeaders(response);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("style-src 'self' 'unsafe-inline'"));
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"));
        // RFC 6797 §7.2: HSTS is sent only over secure transport.
        assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status)
                .doesNotContain("Exception").doesNotContain("at app.").doesNotContain("at org.");
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
