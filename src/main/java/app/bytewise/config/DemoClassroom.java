package app.bytewise.config;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.AssignmentSummary;
import app.bytewise.classroom.ClassSummary;
import app.bytewise.classroom.ClassroomException;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.Quiz;
import app.bytewise.classroom.QuizMode;
import app.bytewise.classroom.QuizPaper;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.QuizSettings;
import app.bytewise.classroom.SeedPolicy;
import app.bytewise.classroom.SubmissionService;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.Role;
import app.bytewise.security.SignUpException;
import app.bytewise.security.UserAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Sample data for a first look, created once beside the demo accounts: the demo instructor's class
 * with a quiz assigned to it, three sample students who have submitted (so results and item
 * statistics have something to show), the demo candidate as a member, and a few drill answers of
 * the demo candidate's (so the Progress page is not empty). Off unless
 * {@code bytewise.demo.sample-data} is true; skipped when the instructor already has a class.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = {"bytewise.demo.enabled", "bytewise.demo.sample-data"}, havingValue = "true")
class DemoClassroom implements ApplicationRunner {

    static final List<String> SAMPLE_STUDENTS = List.of("sample-ana", "sample-ben", "sample-chen");
    private static final Logger log = LoggerFactory.getLogger(DemoClassroom.class);

    private final AccountService accounts;
    private final ClassroomService classrooms;
    private final QuizService quizzes;
    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final ProgressService progress;
    private final TemplateCatalog catalog;
    private final Clock clock;

    DemoClassroom(AccountService accounts, ClassroomService classrooms, QuizService quizzes,
            AssignmentService assignments, SubmissionService submissions, ProgressService progress,
            TemplateCatalog catalog, Clock clock) {
        this.accounts = accounts;
        this.classrooms = classrooms;
        this.quizzes = quizzes;
        this.assignments = assignments;
        this.submissions = submissions;
        this.progress = progress;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            create();
        } catch (DataIntegrityViolationException | SignUpException | ClassroomException anotherNodeWasFaster) {
            // Sample data is a convenience: a node that loses the claim below starts normally.
            log.info("Sample data is being created by another node; this one leaves it.");
        }
    }

    /**
     * Each step commits on its own (opening a timed paper records its start in a transaction of its
     * own), so nodes starting together on one database are kept apart by a claim made before anything
     * else: creating the sample students' accounts, whose usernames are unique. The node that loses
     * that race stops there, before it has written anything.
     */
    private void create() {
        Optional<UserAccount> instructor = accounts.find(DemoAccounts.INSTRUCTOR);
        Optional<UserAccount> candidate = accounts.find(DemoAccounts.CANDIDATE);
        if (instructor.isEmpty() || candidate.isEmpty() || !classrooms.classesOf(instructor.get()).isEmpty()) {
            return;
        }
        List<UserAccount> students = SAMPLE_STUDENTS.stream().map(name -> accounts.create(name,
                "Sample student " + name.substring(name.indexOf('-') + 1), randomPassword(), Role.CANDIDATE)).toList();
        ClassSummary demoClass = classrooms.createClass(instructor.get(), "Demo class: LLM memory");
        Quiz quiz = quizzes.create(instructor.get(), new QuizSettings("KV cache and weight memory warm-up",
                Set.of(Topic.KV_CACHE, Topic.WEIGHT_MEMORY), Optional.empty(), 5, QuizMode.CHOICE, Optional.of(30), 2,
                SeedPolicy.PER_STUDENT));
        Instant now = clock.instant();
        AssignmentSummary assignment = assignments.assign(instructor.get(), quiz.getId(), demoClass.id(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)));
        classrooms.join(candidate.get(), demoClass.joinCode());
        for (int s = 0; s < students.size(); s++) {
            UserAccount student = students.get(s);
            classrooms.join(student, demoClass.joinCode());
            QuizPaper paper = assignments.paper(student, assignment.id());
            submissions.submit(student, assignment.id(), answers(paper.questions(), s));
        }
        practise(candidate.get());
        log.info("Sample data: class '{}' (join code {}) with quiz '{}' assigned and {} sample submissions",
                demoClass.name(), demoClass.joinCode(), quiz.getTitle(), SAMPLE_STUDENTS.size());
    }

    /** Student s answers right except on every (s+2)-th question, where the first wrong option is taken. */
    private static List<String> answers(List<Question> questions, int s) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            answers.add(option(q, (i + 1) % (s + 2) == 0));
        }
        return answers;
    }

    /** Eight drill answers spread over the topics, two of them wrong, so mastery and misconceptions show. */
    private void practise(UserAccount candidate) {
        Topic[] topics = {Topic.KV_CACHE, Topic.WEIGHT_MEMORY, Topic.ZERO, Topic.PRECISION_FORMATS};
        for (int i = 0; i < 8; i++) {
            Optional<Question> drawn = catalog.draw(Optional.of(topics[i % topics.length]), Optional.empty(),
                    Optional.of(QuestionKind.CHOICE), 1000 + i);
            if (drawn.isEmpty()) {
                continue;
            }
            Question q = drawn.get();
            String answer = option(q, i % 4 == 3);
            progress.record(candidate.getId(), q, answer, Grader.DEFAULT.grade(q, answer, 1), Duration.ofSeconds(40));
        }
    }

    /** The letter of the right option, or of the first wrong one. */
    private static String option(Question q, boolean wrong) {
        return q.options().stream().filter(o -> o.correct() != wrong).findFirst().map(Option::id).orElse("");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes); // never printed: sample students are data, not logins
    }
}
