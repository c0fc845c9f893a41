package app.bytewise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.classroom.AssignmentService;
import app.bytewise.classroom.ClassroomService;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.ResultsService;
import app.bytewise.classroom.StudentScore;
import app.bytewise.progress.MasteryFigure;
import app.bytewise.progress.ProgressService;
import app.bytewise.progress.RecordedAttempt;
import app.bytewise.progress.ReviewCard;
import app.bytewise.progress.ReviewCardRepository;
import app.bytewise.progress.fsrs.CardState;
import app.bytewise.security.UserAccount;
import java.util.List;
import app.bytewise.security.AccountService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On the default H2 file database, everything written before a restart is there after it: a
 * candidate's attempts, mastery and review cards, and the sample classroom with its submissions and
 * results. One pair of starts checks both, since each start of the whole app costs seconds.
 */
class DataAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void progressAndClassroomSurviveARestart() {
        long user;
        String template;
        Instant due;
        List<StudentScore> scores;
        long assignmentId;
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IN ('2', '3', '4')",
                    Integer.class)).isEqualTo(3);
            user = first.getBean(AccountService.class).registerCandidate("keeper", "Keeper", "a-long-password").getId();
            Question q = first.getBean(TemplateCatalog.class)
                    .draw(Optional.of(Topic.KV_CACHE), Optional.empty(), Optional.of(QuestionKind.CHOICE), 42)
                    .orElseThrow();
            template = q.id().template();
            String right = q.correctOption().orElseThrow().id();
            RecordedAttempt recorded = first.getBean(ProgressService.class)
                    .record(user, q, right, Grader.DEFAULT.grade(q, right, 1), Duration.ofMinutes(5));
            due = recorded.nextReview().orElseThrow();

            UserAccount instructor = first.getBean(AccountService.class).find("instructor").orElseThrow();
            assignmentId = first.getBean(AssignmentService.class).assignmentsOf(instructor).getFirst().id();
            scores = first.getBean(ResultsService.class).results(instructor, assignmentId).students();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer", Integer.class))
                    .isEqualTo(15); // the sample data: three students, five questions each
        }

        try (ConfigurableApplicationContext second = start()) {
            ProgressService progress = second.getBean(ProgressService.class);
            assertThat(progress.attemptCount(user)).isEqualTo(1);
            assertThat(progress.recentAttempts(user, 1).getFirst().getTemplateId()).isEqualTo(template);
            MasteryFigure kv = progress.mastery(user).stream().filter(m -> m.topic() == Topic.KV_CACHE)
                    .findFirst().orElseThrow();
            assertThat(kv.attempts()).isEqualTo(1);
            assertThat(kv.rating()).isPositive();
            ReviewCard card = second.getBean(ReviewCardRepository.class).findByUserIdAndTemplateId(user, template)
                    .orElseThrow();
            // Good at the first learning step: the second step, 10 minutes later.
            assertThat(card.memory().state()).isEqualTo(CardState.LEARNING);
            assertThat(card.memory().step()).isEqualTo(1);
            assertThat(card.memory().stability()).isCloseTo(3.173, within(1e-12));
            assertThat(card.getDue()).isEqualTo(due);

            UserAccount instructor = second.getBean(AccountService.class).find("instructor").orElseThrow();
            assertThat(second.getBean(ClassroomService.class).classesOf(instructor)).hasSize(1);
            assertThat(second.getBean(QuizService.class).quizzesOf(instructor)).hasSize(1);
            assertThat(second.getBean(ResultsService.class).results(instructor, assignmentId).students()).isEqualTo(scores);
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submitted_answer", Integer.class)).isEqualTo(15);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt_start", Integer.class)).isEqualTo(3);
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, so they win over application.properties.
        return new SpringApplicationBuilder(BytewiseApplication.class).run(
                "--bytewise.demo.enabled=true", "--bytewise.demo.sample-data=true",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/bytewise",
                "--spring.main.banner-mode=off", "--server.port=0");
    }
}
