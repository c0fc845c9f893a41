package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.BytewiseApplication;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default embedded database is an H2 file: the schema migrates from empty and rows survive a restart. */
class PersistenceAcrossRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void schemaMigratesFromEmptyAndAUserWrittenBeforeARestartIsReadAfterIt() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'",
                    Integer.class)).isEqualTo(1);
            assertThat(first.getBean(UserAccountRepository.class).count()).isZero();
            first.getBean(UserAccountRepository.class).saveAndFlush(
                    new UserAccount("survivor", "Survivor", "$2a$10$hash", Role.INSTRUCTOR, Instant.parse("2026-01-02T03:04:05Z")));
        }
        assertThat(dataDir.resolve("bytewise.mv.db")).exists();

        try (ConfigurableApplicationContext second = start()) {
            UserAccount read = second.getBean(UserAccountRepository.class).findByUsername("survivor").orElseThrow();
            assertThat(read.getRole()).isEqualTo(Role.INSTRUCTOR);
            assertThat(read.getCreatedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
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
