package app.bytewise;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The PostgreSQL test database outlives a test run, so the first Spring context of each run drops
 * everything in it and migrates from empty: every run proves the migrations on PostgreSQL and never
 * sees the rows of the run before. Later contexts of the same run only migrate (a no-op).
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshPostgresSchema {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOncePerRunThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
