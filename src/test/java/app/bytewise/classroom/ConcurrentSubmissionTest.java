package app.bytewise.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two tabs submitting the same attempt at once record it once; the other is told so. */
class ConcurrentSubmissionTest extends ClassroomTestBase {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void twoTabsSubmittingAtOnceCreateExactlyOneSubmission() throws Exception {
        Setup s = setUp(settings(2, QuizMode.CHOICE, SeedPolicy.SHARED, 3));
        // Both transactions read the clock after counting attempts and before inserting: hold them
        // there until both have arrived, so both have counted zero attempts and both try attempt 1.
        // The wait is long because a loaded machine may start the second thread late; a broken barrier
        // would let one tab count the other's attempt and make the race this test is about vanish.
        CyclicBarrier together = new CyclicBarrier(2);
        clock.beforeEachRead(() -> {
            try {
                together.await(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the two tabs never met", e);
            }
        });
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        List<Future<SubmissionResult>> outcomes = new ArrayList<>();
        try {
            for (int tab = 0; tab < 2; tab++) {
                outcomes.add(tabs.submit(() -> submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(2))));
            }
            int saved = 0;
            List<Throwable> refused = new ArrayList<>();
            for (Future<SubmissionResult> outcome : outcomes) {
                try {
                    assertThat(outcome.get(180, TimeUnit.SECONDS).attemptNo()).isEqualTo(1);
                    saved++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(saved).isEqualTo(1);
            assertThat(refused).hasSize(1);
            assertThat(refused.get(0)).isInstanceOf(ClassroomException.class)
                    .hasMessage(SubmissionService.ALREADY_SUBMITTED);
        } finally {
            tabs.shutdownNow();
            clock.beforeEachRead(() -> { });
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE assignment_id = ? AND student_id = ?",
                Integer.class, s.assignment().id(), s.candidate().getId())).isEqualTo(1);
        // The next attempt is still possible: the refusal cost the candidate nothing.
        assertThat(submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(2))
                .attemptNo()).isEqualTo(2);
    }

    @Test
    void theDatabaseItselfRefusesASecondRowForTheSameAttempt() {
        Setup s = setUp(settings(1, QuizMode.CHOICE, SeedPolicy.SHARED, 2));
        submissions.submit(s.candidate(), s.assignment().id(), blankAnswers(1));
        assertThatThrownBy(() -> jdbc.update("INSERT INTO submission (assignment_id, student_id, attempt_no, "
                + "submitted_at, score, question_count) VALUES (?, ?, 1, CURRENT_TIMESTAMP, 0, 1)",
                s.assignment().id(), s.candidate().getId())).isInstanceOf(DataIntegrityViolationException.class);
    }
}
