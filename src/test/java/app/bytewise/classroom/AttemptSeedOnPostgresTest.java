package app.bytewise.classroom;

import app.bytewise.OnPostgres;

/** The tests of {@link AttemptSeedTest} again, on PostgreSQL (the V8 columns included). */
@OnPostgres
class AttemptSeedOnPostgresTest extends AttemptSeedTest {
}
