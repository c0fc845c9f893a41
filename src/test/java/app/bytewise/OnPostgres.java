package app.bytewise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a Spring test class against the PostgreSQL named by {@code BYTEWISE_TEST_POSTGRES_URL} (with
 * {@code BYTEWISE_TEST_POSTGRES_USER} and {@code BYTEWISE_TEST_POSTGRES_PASSWORD}) instead of H2.
 * Put it on a subclass of an H2 test to run the same tests on both databases. Without the variable
 * the class is skipped, except in CI ({@code CI=true}), where that is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresAvailable.class)
@ActiveProfiles({"test", "postgres-test"})
@Import(FreshPostgresSchema.class)
public @interface OnPostgres {
}
