package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sign-in form, methods and sessions over real HTTP: the form login needs the CSRF token its page
 * carries, TRACE is refused, an API 401 names its challenges, and no URL ever carries a session id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebProtocolTest {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\">");

    @LocalServerPort
    private int port;

    @Test
    void aSignInPostWithoutTheCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> forged = send(browser, form("/login", Map.of("username", "candidate",
                "password", "candidate-demo")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
        assertThat(signedIn(browser)).isFalse();
        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=candidate&password=candidate-demo")).build());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("sign-in page");

        // The same with a session but still without the token: a cross-site form post.
        send(browser, get("/login"));
        assertThat(send(browser, form("/login", Map.of("username", "candidate", "password", "candidate-demo")))
                .statusCode()).isEqualTo(403);
        assertThat(signedIn(browser)).isFalse();
    }

    @Test
    void aSignInPostWithTheTokenFromTheSignInPageSignsIn() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> signIn = signIn(browser, "candidate", "candidate-demo");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        assertThat(signedIn(browser)).isTrue();
    }

    @Test
    void aSignInNameWithANulByteIsTheOrdinaryRefusal() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> refused = signIn(browser, "cand\u0000idate", "candidate-demo");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        assertThat(signedIn(browser)).isFalse();
    }

    @Test
    void traceIsRefusedWith405Everywhere() throws Exception {
        HttpResponse<String> page = send(browser(), HttpRequest.newBuilder(uri("/")).method("TRACE",
                HttpRequest.BodyPublishers.noBody()).build());
        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).doesNotContain("TRACE"));

        HttpResponse<String> api = send(browser(), HttpRequest.newBuilder(uri("/api/v1/models")).method("TRACE",
                HttpRequest.BodyPublishers.noBody()).build());
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":405");
    }

    @Test
    void anApi401NamesBothChallenges() throws Exception {
        for (HttpRequest request : List.of(get("/api/v1/me"),
                HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("nobody:wrong-password".getBytes(
                                StandardCharsets.UTF_8))).build())) {
            HttpResponse<String> response = send(browser(), request);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate"))
                    .anySatisfy(c -> assertThat(c).startsWith("Basic realm=\"Bytewise\""))
                    .anySatisfy(c -> assertThat(c).startsWith("Bearer"));
        }
    }

    @Test
    void noResponseCarriesTheSessionIdInAUrl() throws Exception {
        // A client without cookies: every new session would otherwise be tracked in the URL.
        for (String path : List.of("/", "/login", "/progress", "/classroom", "/VAADIN", "/signup", "/no-such-page",
                "/api/v1/me", "/swagger-ui.html")) {
            HttpResponse<String> response = send(HttpClient.newHttpClient(), get(path));
            assertThat(response.headers().map().toString() + response.body()).as(path)
                    .doesNotContainIgnoringCase(";jsessionid");
        }
    }

    @Test
    void anUnknownPageIsServedTheAppItselfSignedInOrNot() throws Exception {
        // The app's shell answers and its router shows the "Page not found" view (NavigationAccessTest);
        // neither a bare 403 nor a detour to sign-in.
        HttpClient anonymous = browser();
        HttpResponse<String> lost = send(anonymous, get("/no-such-page"));
        assertThat(lost.statusCode()).as(lost.headers().map().toString()).isEqualTo(200);
        assertThat(lost.body()).contains("<html").doesNotContain("HTTP ERROR");

        HttpClient browser = browser();
        signIn(browser, "candidate", "candidate-demo");
        assertThat(signedIn(browser)).isTrue();
        HttpResponse<String> mistyped = send(browser, get("/progres"));
        assertThat(mistyped.statusCode()).as(mistyped.headers().map().toString()).isEqualTo(200);
        assertThat(mistyped.body()).contains("<html").doesNotContain("HTTP ERROR");
        // A secured page still sends visitors to sign in.
        assertThat(send(anonymous, get("/classroom")).statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
        HttpResponse<String> login = send(browser, get("/login"));
        String page = login.statusCode() + " " + login.headers().map() + login.body();
        Map<String, String> meta = META.matcher(page).results().collect(Collectors.toMap(m -> m.group(1),
                m -> m.group(2)));
        assertThat(meta).as(page).containsKeys("_csrf", "_csrf_parameter");
        return send(browser, form("/login", Map.of("username", username, "password", password,
                meta.get("_csrf_parameter"), meta.get("_csrf"))));
    }

    /** A page only a signed-in user gets: otherwise the answer is a redirect to the sign-in page. */
    private boolean signedIn(HttpClient browser) throws Exception {
        return send(browser, get("/progress")).statusCode() == 200;
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
