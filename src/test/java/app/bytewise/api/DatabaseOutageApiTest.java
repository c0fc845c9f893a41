package app.bytewise.api;

import app.bytewise.DatabaseOutage;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;

/**
 * With the database out of reach (no connection from the pool within its timeout),
 * requests that need it answer 503 problem+json with Retry-After, never a bare 500, and grading
 * that needs no database goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DatabaseOutage.class)
class DatabaseOutageApiTest {

    private static final String QUESTION = "kv-cache-paged.n.2a";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;
    @Autowired
    private DatabaseOutage outage;
    @Autowired
    private AccountService accounts;

    @AfterEach
    void databaseBack() {
        outage.end();
    }

    @Test
    void requestsThatNeedTheDatabaseAnswer503WithRetryAfter() throws Exception {
        String name = "outage-api-" + System.nanoTime() % 1_000_000;
        accounts.create(name, "Outage", "a-long-password-1", Role.CANDIDATE);
        String credentials = name + ":a-long-password-1";
        assertThat(send("GET", "/api/v1/me", null, credentials).statusCode()).isEqualTo(200);

        outage.begin();
        for (HttpResponse<String> r : new HttpResponse[] {send("GET", "/api/v1/me", null, credentials),
                send("POST", "/api/v1/questions/" + QUESTION + "/answer", "{\"answer\": \"1645.9 MiB\"}", credentials),
                send("GET", "/api/v1/assignments", null, credentials)}) {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).contains("\"status\":503").contains("nothing was saved").doesNotContain("Exception");
        }
        HttpResponse<String> anonymous = send("POST", "/api/v1/questions/" + QUESTION + "/answer",
                "{\"answer\": \"1645.9 MiB\"}", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"correct\":true");

        outage.end();
        assertThat(send("GET", "/api/v1/me", null, credentials).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String json, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
