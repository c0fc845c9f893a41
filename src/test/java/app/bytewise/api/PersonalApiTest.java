package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ClassSummary;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.Quiz;
import app.bytewise.classroom.QuizMode;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.QuizSettings;
import app.bytewise.classroom.SeedPolicy;
import app.bytewise.drill.Topic;
import app.bytewise.security.AccountService;
import app.bytewise.security.ApiTokenService;
import app.bytewise.security.ApiTokenSummary;
import app.bytewise.security.InvalidFieldException;
import app.bytewise.security.NewApiToken;
import app.bytewise.security.Role;
import app.bytewise.security.UserAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The personal endpoints over HTTP: Basic credentials, the caller's own data only, problem details otherwise. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a-long-password";
    private static final AtomicInteger USERS = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;
    @Autowired
    private AccountService accounts;
    @Autowired
    private ClassroomService classrooms;
    @Autowired
    private QuizService quizzes;
    @Autowired
    private AssignmentService assignments;
    @Autowired
    private ApiTokenService tokens;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void meNeedsValidCredentialsAndNamesTheirOwner() throws Exception {
        UserAccount me = user("me", Role.CANDIDATE);
        HttpResponse<String> anonymous = send("GET", "/api/v1/me", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertProblem(anonymous);
        assertThat(send("GET", "/api/v1/me", me.getUsername() + ":wrong-password", null).statusCode()).isEqualTo(401);

        HttpResponse<String> ok = send("GET", "/api/v1/me", me.getUsername() + ":" + PASSWORD, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("id").longValue()).isEqualTo(me.getId());
        assertThat(body.get("username").stringValue()).isEqualTo(me.getUsername());
        assertThat(body.get("role").stringValue()).isEqualTo("CANDIDATE");
        // Stateless: no session cookie to carry to another node.
        assertThat(ok.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aSignedInAnswerIsRecordedInProgressAndAnAnonymousOneIsOnlyGraded() throws Exception {
        UserAccount me = user("drill", Role.CANDIDATE);
        String credentials = me.getUsername() + ":" + PASSWORD;
        JsonNode q = JSON.readTree(send("GET", "/api/v1/questions?topic=kv-cache&difficulty=1&seed=77&kind=choice",
                null, null).body());
        String path = "/api/v1/questions/" + q.get("id").stringValue() + "/answer";

        JsonNode anonymous = JSON.readTree(send("POST", path, null, Map.of("answer", "A")).body());
        assertThat(anonymous.get("recorded").booleanValue()).isFalse();
        assertThat(progress(credentials).get("attempts").longValue()).isZero();

        JsonNode mine = JSON.readTree(send("POST", path, credentials, Map.of("answer", "A", "timeTakenMs", 30_000))
                .body());
        assertThat(mine.get("recorded").booleanValue()).isTrue();
        assertThat(mine.get("score").doubleValue()).isEqualTo(anonymous.get("score").doubleValue());
        JsonNode progress = progress(credentials);
        assertThat(progress.get("attempts").longValue()).isEqualTo(1);
        JsonNode kv = topic(progress, "kv-cache");
        assertThat(kv.get("attempts").intValue()).isEqualTo(1);
        assertThat(topic(progress, "zero").get("attempts").intValue()).isZero();

        // An unreadable answer is feedback, not an attempt; wrong credentials never fall back to anonymous.
        JsonNode numeric = JSON.readTree(send("GET", "/api/v1/questions?topic=kv-cache&seed=5&kind=numeric", null, null)
                .body());
        JsonNode garbled = JSON.readTree(send("POST", "/api/v1/questions/" + numeric.get("id").stringValue() + "/answer",
                credentials, Map.of("answer", "lots")).body());
        assertThat(garbled.get("recorded").booleanValue()).isFalse();
        assertThat(send("POST", path, me.getUsername() + ":nope-nope-nope", Map.of("answer", "A")).statusCode())
                .isEqualTo(401);
        assertThat(progress(credentials).get("attempts").longValue()).isEqualTo(1);
        assertThat(send("GET", "/api/v1/me/progress", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCandidateListsAndSubmitsTheirOwnAssignmentsOnly() throws Exception {
        UserAccount teacher = user("teach", Role.INSTRUCTOR);
        UserAccount student = user("stud", Role.CANDIDATE);
        UserAccount outsider = user("out", Role.CANDIDATE);
        ClassSummary c = classrooms.createClass(teacher, "API class");
        classrooms.join(student, c.joinCode());
        Quiz quiz = quizzes.create(teacher, new QuizSettings("API quiz", Set.of(Topic.WEIGHT_MEMORY), Optional.empty(),
                3, QuizMode.CHOICE, Optional.empty(), 1, SeedPolicy.SHARED));
        Instant now = Instant.now();
        AssignmentSummary a = assignments.assign(teacher, quiz.getId(), c.id(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)));
        String studentLogin = student.getUsername() + ":" + PASSWORD;
        String submissions = "/api/v1/assignments/" + a.id() + "/submissions";

        JsonNode listed = JSON.readTree(send("GET", "/api/v1/assignments", studentLogin, null).body());
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("id").longValue()).isEqualTo(a.id());
        assertThat(listed.get(0).get("questionCount").intValue()).isEqualTo(3);
        assertThat(listed.get(0).get("status").stringValue()).isEqualTo("OPEN");

        Map<String, Object> blanks = Map.of("answers", List.of("", "", ""), "confirmBlank", true);
        // Two answers for three questions: malformed, so 400 naming the field, and nothing is stored.
        HttpResponse<String> tooFew = send("POST", submissions, studentLogin, Map.of("answers", List.of("", "")));
        assertThat(tooFew.statusCode()).isEqualTo(400);
        assertProblem(tooFew);
        assertThat(JSON.readTree(tooFew.body()).get("field").stringValue()).isEqualTo("answers");
        assertThat(JSON.readTree(send("GET", submissions, studentLogin, null).body()).size()).isZero();

        HttpResponse<String> created = send("POST", submissions, studentLogin, blanks);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode saved = JSON.readTree(created.body());
        assertThat(saved.get("attemptNo").intValue()).isEqualTo(1);
        assertThat(saved.get("questionCount").intValue()).isEqualTo(3);
        assertThat(saved.get("answers").size()).isEqualTo(3);
        assertThat(saved.get("score").doubleValue()).isZero();

        // One attempt allowed: a second submission is a conflict, and nothing more is stored.
        HttpResponse<String> again = send("POST", submissions, studentLogin, blanks);
        assertThat(again.statusCode()).isEqualTo(409);
        assertProblem(again);
        JsonNode mine = JSON.readTree(send("GET", submissions, studentLogin, null).body());
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("id").longValue()).isEqualTo(saved.get("id").longValue());

        // Someone else's class, a missing assignment and the wrong role: all 403, none reveals anything.
        String outsiderLogin = outsider.getUsername() + ":" + PASSWORD;
        assertThat(JSON.readTree(send("GET", "/api/v1/assignments", outsiderLogin, null).body()).size()).isZero();
        HttpResponse<String> foreign = send("POST", submissions, outsiderLogin, blanks);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertProblem(foreign);
        assertThat(send("GET", submissions, outsiderLogin, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/assignments/999999999/submissions", studentLogin, null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/assignments", teacher.getUsername() + ":" + PASSWORD, null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", submissions, null, blanks).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/assignments/" + a.id() + "/nothing-here", studentLogin, blanks).statusCode())
                .isEqualTo(404);
    }

    /** PostgreSQL cannot store a NUL: refused up front on every database, naming the field, storing nothing. */
    @Test
    void aNulByteIsA400NamingTheFieldAndNothingIsStored() throws Exception {
        UserAccount teacher = user("nulteach", Role.INSTRUCTOR);
        UserAccount student = user("nulstud", Role.CANDIDATE);
        ClassSummary c = classrooms.createClass(teacher, "NUL class");
        classrooms.join(student, c.joinCode());
        Quiz quiz = quizzes.create(teacher, new QuizSettings("NUL quiz", Set.of(Topic.WEIGHT_MEMORY), Optional.empty(),
                2, QuizMode.NUMERIC, Optional.empty(), 1, SeedPolicy.SHARED));
        Instant now = Instant.now();
        AssignmentSummary a = assignments.assign(teacher, quiz.getId(), c.id(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)));
        String login = student.getUsername() + ":" + PASSWORD;
        String submissions = "/api/v1/assignments/" + a.id() + "/submissions";

        HttpResponse<String> nul = send("POST", submissions, login, Map.of("answers", List.of("14 GB", "1\u00004 GB")));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertProblem(nul);
        JsonNode problem = JSON.readTree(nul.body());
        assertThat(problem.get("field").stringValue()).isEqualTo("answers");
        assertThat(problem.get("detail").stringValue()).isEqualTo(
                "Answer 2: Control characters are not allowed here (found U+0000).");
        assertThat(JSON.readTree(send("GET", submissions, login, null).body()).size()).isZero();

        JsonNode q = JSON.readTree(send("GET", "/api/v1/questions?topic=kv-cache&difficulty=1&seed=77&kind=choice",
                null, null).body());
        HttpResponse<String> drill = send("POST", "/api/v1/questions/" + q.get("id").stringValue() + "/answer", login,
                Map.of("answer", "A\u0000"));
        assertThat(drill.statusCode()).isEqualTo(400);
        assertProblem(drill);
        assertThat(JSON.readTree(drill.body()).get("field").stringValue()).isEqualTo("answer");
        assertThat(progress(login).get("attempts").longValue()).isZero();

        // A NUL in the Basic user name is a wrong name, not a server error.
        HttpResponse<String> name = send("GET", "/api/v1/me", student.getUsername() + "\u0000:" + PASSWORD, null);
        assertThat(name.statusCode()).isEqualTo(401);
        assertProblem(name);
    }

    @Test
    void aPersonalTokenSignsInAsItsOwnerUntilRevoked() throws Exception {
        UserAccount me = user("tok", Role.CANDIDATE);
        UserAccount other = user("tokother", Role.CANDIDATE);
        NewApiToken laptop = tokens.create(me, "  laptop script ");
        NewApiToken ci = tokens.create(me, "CI");
        tokens.create(other, "someone else's");
        assertThat(laptop.token()).startsWith("bw_").hasSize(46).isNotEqualTo(ci.token());
        assertThat(laptop.summary().name()).isEqualTo("laptop script");
        assertThat(tokens.tokensOf(me)).extracting(ApiTokenSummary::name).containsExactly("CI", "laptop script");
        assertThat(tokens.tokensOf(me)).allSatisfy(t -> assertThat(t.lastUsedAt()).isEmpty());
        // Only the digest is stored.
        assertThat(jdbc.queryForList("SELECT token_hash FROM api_token WHERE user_id = ?", String.class, me.getId()))
                .hasSize(2).noneMatch(hash -> hash.contains(laptop.token()) || hash.contains(ci.token()))
                .allMatch(hash -> hash.matches("[0-9a-f]{64}"));

        HttpResponse<String> ok = bearer("GET", "/api/v1/me", laptop.token(), null);
        assertThat(ok.statusCode()).as(ok.headers().allValues("WWW-Authenticate") + " " + ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("username").stringValue()).isEqualTo(me.getUsername());
        assertThat(ok.headers().firstValue("Set-Cookie")).isEmpty();
        Instant used = tokens.tokensOf(me).stream().filter(t -> t.id() == laptop.summary().id()).findFirst()
                .orElseThrow().lastUsedAt().orElseThrow();
        assertThat(used).isAfterOrEqualTo(laptop.summary().createdAt());
        // A recorded drill answer goes to the owner's progress, as with Basic.
        JsonNode q = JSON.readTree(send("GET", "/api/v1/questions?topic=kv-cache&difficulty=1&seed=78&kind=choice",
                null, null).body());
        assertThat(JSON.readTree(bearer("POST", "/api/v1/questions/" + q.get("id").stringValue() + "/answer",
                laptop.token(), Map.of("answer", "A")).body()).get("recorded").booleanValue()).isTrue();
        assertThat(progress(me.getUsername() + ":" + PASSWORD).get("attempts").longValue()).isEqualTo(1);
        // Within a minute the last use is not written again.
        assertThat(tokens.tokensOf(me).stream().filter(t -> t.id() == laptop.summary().id()).findFirst()
                .orElseThrow().lastUsedAt()).contains(used);

        assertThat(tokens.revoke(other, laptop.summary().id())).as("someone else's token").isFalse();
        assertThat(tokens.revoke(me, laptop.summary().id())).isTrue();
        assertThat(tokens.tokensOf(me)).extracting(ApiTokenSummary::name).containsExactly("CI");
        for (String presented : List.of(laptop.token(), "bw_not-a-token", "garbage", "")) {
            HttpResponse<String> refused = bearer("GET", "/api/v1/me", presented, null);
            assertThat(refused.statusCode()).as(presented).isEqualTo(401);
            assertProblem(refused);
            assertThat(refused.headers().allValues("WWW-Authenticate"))
                    .contains("Bearer realm=\"Bytewise\", error=\"invalid_token\"");
        }
        // A wrong token never falls back to anonymous, even where anonymous callers are served.
        assertThat(bearer("POST", "/api/v1/questions/" + q.get("id").stringValue() + "/answer", laptop.token(),
                Map.of("answer", "A")).statusCode()).isEqualTo(401);
        assertThat(bearer("GET", "/api/v1/me", ci.token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenNamesAreCheckedAndAnAccountHasAtMostTen() {
        UserAccount me = user("toknames", Role.CANDIDATE);
        for (String bad : List.of("", "   ", "x".repeat(61), "tab\tname", "nul\u0000")) {
            assertThatThrownBy(() -> tokens.create(me, bad)).as(bad).isInstanceOfSatisfying(InvalidFieldException.class,
                    e -> assertThat(e.field()).isEqualTo("name"));
        }
        for (int i = 0; i < ApiTokenService.MAX_PER_ACCOUNT; i++) {
            tokens.create(me, "token " + i);
        }
        assertThatThrownBy(() -> tokens.create(me, "one more")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("revoke one first");
        assertThat(tokens.tokensOf(me)).hasSize(ApiTokenService.MAX_PER_ACCOUNT);
    }

    private HttpResponse<String> bearer(String method, String path, String token, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private UserAccount user(String prefix, Role role) {
        String name = prefix + "-" + Long.toHexString(System.nanoTime() & 0xffffffL) + "-" + USERS.incrementAndGet();
        return accounts.create(name, name, PASSWORD, role);
    }

    private JsonNode progress(String credentials) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/me/progress", credentials, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode topic(JsonNode progress, String slug) {
        for (JsonNode t : progress.get("topics")) {
            if (t.get("topic").stringValue().equals(slug)) {
                return t;
            }
        }
        throw new AssertionError("no topic " + slug + " in " + progress);
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").intValue()).isEqualTo(response.statusCode());
    }

    private HttpResponse<String> send(String method, String path, String credentials, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A timed quiz over the API: opening the paper starts the server's clock; submitting without it is refused. */
    @Test
    void aTimedQuizIsOpenedThenSubmitted() throws Exception {
        UserAccount teacher = user("timer", Role.INSTRUCTOR);
        UserAccount student = user("timed", Role.CANDIDATE);
        ClassSummary c = classrooms.createClass(teacher, "Timed class");
        classrooms.join(student, c.joinCode());
        Quiz quiz = quizzes.create(teacher, new QuizSettings("Timed quiz", Set.of(Topic.KV_CACHE), Optional.empty(),
                2, QuizMode.CHOICE, Optional.of(15), 1, SeedPolicy.SHARED));
        Instant now = Instant.now();
        AssignmentSummary a = assignments.assign(teacher, quiz.getId(), c.id(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)));
        String login = student.getUsername() + ":" + PASSWORD;
        Map<String, Object> blanks = Map.of("answers", List.of("", ""), "confirmBlank", true);
        HttpResponse<String> unopened = send("POST", "/api/v1/assignments/" + a.id() + "/submissions", login, blanks);
        assertThat(unopened.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(unopened.body()).get("detail").stringValue()).contains("open it first");

        JsonNode paper = JSON.readTree(send("POST", "/api/v1/assignments/" + a.id() + "/paper", login, null).body());
        assertThat(paper.get("timeLimitMinutes").intValue()).isEqualTo(15);
        assertThat(paper.get("questions").size()).isEqualTo(2);
        assertThat(paper.get("questions").get(0).get("options").size()).isGreaterThan(1);
        JsonNode again = JSON.readTree(send("POST", "/api/v1/assignments/" + a.id() + "/paper", login, null).body());
        assertThat(again.get("startedAt").stringValue()).isEqualTo(paper.get("startedAt").stringValue());

        String first = paper.get("questions").get(0).get("options").get(0).get("id").stringValue();
        HttpResponse<String> created = send("POST", "/api/v1/assignments/" + a.id() + "/submissions", login,
                Map.of("answers", List.of(first, ""), "confirmBlank", true));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("answers").get(0).get("answer").stringValue()).isEqualTo(first);
    }
}
