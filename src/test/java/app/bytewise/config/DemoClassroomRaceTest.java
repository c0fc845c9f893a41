package app.bytewise.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.SubmissionService;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.UserAccount;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two nodes creating the sample data at the same moment (here two runners on two threads, each
 * as a node would build it) leave exactly one class, one set of submissions and one set of answers.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:sample-data-race;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class DemoClassroomRaceTest {

    @Autowired private AccountService accounts;
    @Autowired private ClassroomService classrooms;
    @Autowired private QuizService quizzes;
    @Autowired private AssignmentService assignments;
    @Autowired private SubmissionService submissions;
    @Autowired private ProgressService progress;
    @Autowired private TemplateCatalog catalog;
    @Autowired private Clock clock;
    @Autowired private JdbcTemplate jdbc;

    @Test
    void twoNodesStartingTogetherCreateTheSampleDataOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(nodes.submit(() -> startNode(together)), nodes.submit(() -> startNode(together)));
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        UserAccount instructor = accounts.find(DemoAccounts.INSTRUCTOR).orElseThrow();
        UserAccount candidate = accounts.find(DemoAccounts.CANDIDATE).orElseThrow();
        assertThat(classrooms.classesOf(instructor)).singleElement()
                .satisfies(c -> assertThat(c.members()).isEqualTo(4));
        assertThat(assignments.assignmentsOf(instructor)).singleElement()
                .satisfies(a -> assertThat(a.submissions()).isEqualTo(3));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz", Integer.class)).isEqualTo(1);
        assertThat(progress.attemptCount(candidate.getId())).isEqualTo(8);
    }

    private Void startNode(CyclicBarrier together) throws Exception {
        DemoClassroom node = new DemoClassroom(accounts, classrooms, quizzes, assignments, submissions, progress,
                catalog, clock);
        together.await();
        node.run(new DefaultApplicationArguments());
        return null;
    }
}
