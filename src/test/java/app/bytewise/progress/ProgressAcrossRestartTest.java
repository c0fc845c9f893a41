package app.bytewise.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.BytewiseApplication;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.progress.fsrs.CardState;
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

/** On the default H2 file database, progress recorded before a restart is all there after it. */
class ProgressAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void attemptsMasteryAndReviewCardsSurviveARestart() {
        long user;
        String template;
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '2'",
                    Integer.class)).isEqualTo(1);
            user = first.getBean(AccountService.class).registerCandidate("keeper", "Keeper", "a-long-password").getId();
            Question q = first.getBean(TemplateCatalog.class)
                    .draw(Optional.of(Topic.KV_CACHE), Optional.empty(), Optional.of(QuestionKind.CHOICE), 42)
                    .orElseThrow();
            template = q.id().template();
            String right = q.correctOption().orElseThrow().id();
            RecordedAttempt recorded = first.getBean(ProgressService.class)
                    .record(user, q, right, Grader.DEFAULT.grade(q, right, 1), Duration.ofMinutes(5));
            due = recorded.nextReview().orElseThrow();
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
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, so they win over application.properties.
        return new SpringApplicationBuilder(BytewiseApplication.class).run(
                "--bytewise.demo.enabled=false",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/bytewise",
                "--spring.main.banner-mode=off", "--server.port=0");
    }
}
