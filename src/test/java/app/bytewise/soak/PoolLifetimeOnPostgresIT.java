package app.bytewise.soak;

import app.bytewise.PostgresAvailable;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PoolLifetimeIT} on the PostgreSQL named by {@code BYTEWISE_TEST_POSTGRES_URL}. */
@ExtendWith(PostgresAvailable.class)
class PoolLifetimeOnPostgresIT extends PoolLifetimeIT {

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + PostgresAvailable.url(),
                "--spring.datasource.username=" + PostgresAvailable.user(),
                "--spring.datasource.password=" + PostgresAvailable.password());
    }
}
