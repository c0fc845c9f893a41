package app.bytewise.classroom;

import app.bytewise.OnPostgres;

/** The tests of {@link ResultsExportTest} again, on PostgreSQL. */
@OnPostgres
class ResultsExportOnPostgresTest extends ResultsExportTest {
}
