package app.bytewise.api;

import app.bytewise.OnPostgres;

/** Submitting attempts over HTTP again, with PostgreSQL behind it. */
@OnPostgres
class QuizSubmissionApiOnPostgresTest extends QuizSubmissionApiTest {
}
