package app.bytewise.classroom;

import app.bytewise.OnPostgres;

/** The tests of {@link ClassroomAccessTest} again, on PostgreSQL. */
@OnPostgres
class ClassroomAccessOnPostgresTest extends ClassroomAccessTest {
}
