package app.bytewise.classroom;

import app.bytewise.TestClock;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Topic;
import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Classroom services on the test database with a settable clock. Every test makes its own users, so
 * tests share the database without seeing each other's classes.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClockConfig.class)
abstract class ClassroomTestBase {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    protected TestClock clock;
    @Autowired
    protected AccountService accountService;
    @Autowired
    protected ClassroomService classrooms;
    @Autowired
    protected QuizService quizzes;
    @Autowired
    protected AssignmentService assignments;
    @Autowired
    protected SubmissionService submissions;
    @Autowired
    protected ResultsService results;

    @AfterEach
    void resetClock() {
        clock.set(START);
        clock.beforeEachRead(() -> { });
    }

    protected UserAccount instructor() {
        return user("teach", Role.INSTRUCTOR);
    }

    protected UserAccount candidate() {
        return user("stud", Role.CANDIDATE);
    }

    private UserAccount user(String prefix, Role role) {
        String name = prefix + "-" + Long.toHexString(System.nanoTime() & 0xffffffL) + "-" + USERS.incrementAndGet();
        return accountService.create(name, prefix + " " + USERS.get(), "a-long-password", role);
    }

    protected static QuizSettings settings(int questions, QuizMode mode, SeedPolicy seeds, int attempts) {
        return new QuizSettings("Memory basics", Set.of(Topic.WEIGHT_MEMORY, Topic.KV_CACHE), Optional.empty(),
                questions, mode, Optional.empty(), attempts, seeds);
    }

    /** An instructor's class with a candidate in it and a quiz assigned, open now for a week. */
    protected record Setup(UserAccount instructor, UserAccount candidate, ClassSummary classroom, Quiz quiz,
            AssignmentSummary assignment) {
    }

    protected Setup setUp(QuizSettings settings) {
        UserAccount teacher = instructor();
        UserAccount student = candidate();
        ClassSummary c = classrooms.createClass(teacher, "LLM memory 101");
        classrooms.join(student, c.joinCode());
        Quiz quiz = quizzes.create(teacher, settings);
        AssignmentSummary a = assignments.assign(teacher, quiz.getId(), c.id(), START.minus(Duration.ofHours(1)),
                START.plus(Duration.ofDays(7)));
        return new Setup(teacher, student, c, quiz, a);
    }

    /** The right answer to each question: the correct option's letter, or the expected value with its unit. */
    protected static List<String> rightAnswers(List<Question> questions) {
        return questions.stream().map(q -> q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id()
                : q.numeric().orElseThrow().expected()).toList();
    }

    /** {@code n} blank answers for the next attempt, sent as meant (blanks confirmed). */
    protected static AttemptAnswers blankAnswers(int n) {
        return AttemptAnswers.of(java.util.Collections.nCopies(n, "")).confirmingBlanks();
    }
}
