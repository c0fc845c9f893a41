package app.bytewise.classroom;

import app.bytewise.OnPostgres;

/** The tests of {@link ConcurrentSubmissionTest} again, on PostgreSQL. */
@OnPostgres
class ConcurrentSubmissionOnPostgresTest extends ConcurrentSubmissionTest {
}
