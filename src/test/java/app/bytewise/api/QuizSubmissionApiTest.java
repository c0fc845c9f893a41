package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import app.bytewise.security.Role;
import app.bytewise.security.UserAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitting an attempt over HTTP: blank answers are refused (422 naming {@code answers} and the blank
 * slots, nothing written) until sent with {@code confirmBlank}; each attempt's paper has its own numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuizSubmissionApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a-long-password";
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
    private JdbcTemplate jdbc;

    @Test
    void blankAnswersAreA422NamingTheSlotsUntilConfirmedAndTheRefusalStoresNothing() throws Exception {
        Fixture f = fixture("blank", 2);
        String submissions = "/api/v1/assignments/" + f.assignmentId() + "/submissions";
        JsonNode paper = JSON.readTree(send("POST", "/api/v1/assignments/" + f.assignmentId() + "/paper", f.login(),
                null).body());
        String first = paper.get("questions").get(0).get("options").get(0).get("id").stringValue();
        List<String> answers = List.of(first, "", " ");
        int storedAnswers = jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer", Integer.class);

        for (Map<String, Object> unconfirmed : List.of(Map.<String, Object>of("answers", answers),
                Map.<String, Object>of("answers", answers, "confirmBlank", false))) {
            HttpResponse<String> refused = send("POST", submissions, f.login(), unconfirmed);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("status").intValue()).isEqualTo(422);
            assertThat(problem.get("title").stringValue()).isEqualTo("Unanswered questions");
            assertThat(problem.get("field").stringValue()).isEqualTo("answers");
            assertThat(problem.get("unansweredSlots").toString()).isEqualTo("[1,2]");
            assertThat(problem.get("detail").stringValue()).isEqualTo("2 of 3 questions have no answer (questions 2 "
                    + "and 3). Nothing was saved; send \"confirmBlank\": true to submit them blank.");
        }
        assertThat(JSON.readTree(send("GET", submissions, f.login(), null).body()).size()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE assignment_id = ?", Integer.class,
                f.assignmentId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer", Integer.class)).isEqualTo(storedAnswers);
        JsonNode listed = JSON.readTree(send("GET", "/api/v1/assignments", f.login(), null).body()).get(0);
        assertThat(listed.get("attemptsUsed").intValue()).isZero();

        HttpResponse<String> created = send("POST", submissions, f.login(),
                Map.of("answers", answers, "confirmBlank", true, "attemptNo", 1));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode saved = JSON.readTree(created.body());
        assertThat(saved.get("attemptNo").intValue()).isEqualTo(1);
        assertThat(saved.get("answers").get(0).get("answer").stringValue()).isEqualTo(first);
        assertThat(saved.get("answers").get(1).get("answer").stringValue()).isEmpty();
        assertThat(saved.get("answers").get(2).get("answer").stringValue()).isEmpty();
        assertThat(saved.get("answers").get(1).get("correct").isNull()).isTrue();
        assertThat(JSON.readTree(send("GET", submissions, f.login(), null).body()).size()).isEqualTo(1);
    }

    @Test
    void eachAttemptsPaperHasItsOwnNumbersAndAnswersToAnOldPaperAreAConflict() throws Exception {
        Fixture f = fixture("seeds", 2);
        String base = "/api/v1/assignments/" + f.assignmentId();
        JsonNode first = JSON.readTree(send("POST", base + "/paper", f.login(), null).body());
        assertThat(first.get("attemptNo").intValue()).isEqualTo(1);
        List<String> answers = firstOptions(first);
        assertThat(send("POST", base + "/submissions", f.login(), Map.of("answers", answers, "attemptNo", 1))
                .statusCode()).isEqualTo(201);

        HttpResponse<String> stale = send("POST", base + "/submissions", f.login(),
                Map.of("answers", answers, "attemptNo", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("detail").stringValue()).contains("already been submitted");

        JsonNode second = JSON.readTree(send("POST", base + "/paper", f.login(), null).body());
        assertThat(second.get("attemptNo").intValue()).isEqualTo(2);
        assertThat(ids(second)).hasSize(3).doesNotContainAnyElementsOf(ids(first));
        HttpResponse<String> created = send("POST", base + "/submissions", f.login(),
                Map.of("answers", firstOptions(second), "attemptNo", 2));
        assertThat(created.statusCode()).isEqualTo(201);
        List<String> graded = new ArrayList<>();
        JSON.readTree(created.body()).get("answers").forEach(a -> graded.add(a.get("questionId").stringValue()));
        assertThat(graded).isEqualTo(ids(second));
    }

    private record Fixture(long assignmentId, String login) {
    }

    private Fixture fixture(String tag, int attempts) {
        String suffix = "-" + Long.toHexString(System.nanoTime() & 0xffffffL);
        UserAccount teacher = accounts.create("qt" + tag + suffix, "Teacher", PASSWORD, Role.INSTRUCTOR);
        UserAccount student = accounts.create("qs" + tag + suffix, "Student", PASSWORD, Role.CANDIDATE);
        ClassSummary c = classrooms.createClass(teacher, "Quiz API " + tag);
        classrooms.join(student, c.joinCode());
        Quiz quiz = quizzes.create(teacher, new QuizSettings("Quiz " + tag, Set.of(Topic.WEIGHT_MEMORY, Topic.KV_CACHE),
                Optional.empty(), 3, QuizMode.CHOICE, Optional.empty(), attempts, SeedPolicy.PER_STUDENT));
        Instant now = Instant.now();
        AssignmentSummary a = assignments.assign(teacher, quiz.getId(), c.id(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)));
        return new Fixture(a.id(), student.getUsername() + ":" + PASSWORD);
    }

    private static List<String> firstOptions(JsonNode paper) {
        List<String> answers = new ArrayList<>();
        paper.get("questions").forEach(q -> answers.add(q.get("options").get(0).get("id").stringValue()));
        return answers;
    }

    private static List<String> ids(JsonNode paper) {
        List<String> ids = new ArrayList<>();
        paper.get("questions").forEach(q -> ids.add(q.get("id").stringValue()));
        return ids;
    }

    private HttpResponse<String> send(String method, String path, String credentials, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
