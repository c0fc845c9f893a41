package app.bytewise.progress;

import app.bytewise.OnPostgres;
import org.springframework.context.annotation.Import;

/** Every progress service test again, on PostgreSQL. */
@OnPostgres
// Nested test configurations are found on the declaring class only, not on subclasses.
@Import(ProgressServiceTest.MondayClock.class)
class ProgressServiceOnPostgresTest extends ProgressServiceTest {
}
