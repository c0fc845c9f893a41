package app.bytewise.classroom;

import app.bytewise.OnPostgres;

/** The tests of {@link MoodleXmlTest} again, on PostgreSQL. */
@OnPostgres
class MoodleXmlOnPostgresTest extends MoodleXmlTest {
}
