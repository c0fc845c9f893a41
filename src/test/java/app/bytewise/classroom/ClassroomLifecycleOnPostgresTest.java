package app.bytewise.classroom;

import app.bytewise.OnPostgres;

/** The tests of {@link ClassroomLifecycleTest} again, on PostgreSQL. */
@OnPostgres
class ClassroomLifecycleOnPostgresTest extends ClassroomLifecycleTest {
}
