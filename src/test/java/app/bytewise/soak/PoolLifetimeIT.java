package app.bytewise.soak;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.BytewiseApplication;
import app.bytewise.classroom.QuizMode;
import app.bytewise.classroom.QuizService;
import app.bytewise.classroom.QuizSettings;
import app.bytewise.classroom.SeedPolicy;
import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.Topic;
import app.bytewise.progress.ProgressService;
import app.bytewise.security.AccountService;
import app.bytewise.security.UserAccount;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole app with Hikari's shortest connection lifetime (30 s): once every connection of the
 * start-up, the migrating one among them, has been retired, writes still pass each table's CHECK
 * constraints. On H2 2.4.240 a constraint's {@code IN (…)} constant set compared values through the
 * session that created it, so after Flyway's connection was retired every insert failed with
 * "Check constraint invalid … The database has been closed" (h2database issue 4302, fixed by pull
 * request 4311, first released in 2.5.250). Slow by nature (it waits out the lifetime), so it runs
 * with the integration tests.
 */
class PoolLifetimeIT {

    /** Hikari's floor for {@code max-lifetime}; the setting is refused below it. */
    static final long LIFETIME_MS = 30_000;

    @TempDir
    Path dataDir;

    /** The database the app runs on: here the default embedded H2 file database. */
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/bytewise");
    }

    @Test
    void everyConstrainedTableAcceptsWritesAfterThePoolRetiredItsFirstConnections() throws Exception {
        List<String> args = new ArrayList<>(databaseArguments());
        args.addAll(List.of("--bytewise.demo.enabled=true", "--bytewise.demo.sample-data=false",
                "--spring.datasource.hikari.max-lifetime=" + LIFETIME_MS,
                "--spring.datasource.hikari.idle-timeout=10000", "--spring.datasource.hikari.minimum-idle=2",
                "--spring.main.banner-mode=off", "--server.port=0"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BytewiseApplication.class)
                .run(args.toArray(String[]::new))) {
            // Names unique to this run, so a database that outlives runs (PostgreSQL) counts only ours.
            String run = Long.toString(System.currentTimeMillis(), 36);
            writeThroughEveryConstrainedTable(app, "before-" + run);
            // Hikari retires a connection at most 2.5 % before its lifetime, and one in use when it
            // returns: past lifetime plus a margin, none of the start-up's connections is left.
            Thread.sleep(LIFETIME_MS + 8_000);
            HikariDataSource pool = app.getBean(HikariDataSource.class);
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
            writeThroughEveryConstrainedTable(app, "after-" + run);

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE username LIKE ?",
                    Integer.class, "lifetime-%-" + run + "-%")).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz WHERE title LIKE ?", Integer.class,
                    "Lifetime %-" + run))
                    .isEqualTo(2);
        }
    }

    /**
     * One row in each table with an {@code IN (…)} CHECK: user_account (role), attempt (kind,
     * difficulty) with its review_card (state), quiz (difficulty, mode, seed policy).
     */
    private static void writeThroughEveryConstrainedTable(ConfigurableApplicationContext app, String tag) {
        AccountService accounts = app.getBean(AccountService.class);
        UserAccount candidate = accounts.registerCandidate("lifetime-" + tag, "Lifetime " + tag,
                "a-long-password-" + tag);
        Question q = app.getBean(TemplateCatalog.class)
                .draw(Optional.of(Topic.KV_CACHE), Optional.empty(), Optional.of(QuestionKind.CHOICE), 7)
                .orElseThrow();
        String right = q.correctOption().orElseThrow().id();
        ProgressService progress = app.getBean(ProgressService.class);
        progress.record(candidate.getId(), q, right, Grader.DEFAULT.grade(q, right, 1), Duration.ofSeconds(20));
        assertThat(progress.attemptCount(candidate.getId())).isEqualTo(1);

        UserAccount instructor = accounts.find("instructor").orElseThrow();
        app.getBean(QuizService.class).create(instructor, new QuizSettings("Lifetime " + tag,
                Set.of(Topic.KV_CACHE), Optional.of(Difficulty.MEDIUM), 3, QuizMode.MIXED, Optional.empty(), 1,
                SeedPolicy.SHARED));
    }
}
