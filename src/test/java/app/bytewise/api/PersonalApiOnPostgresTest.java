package app.bytewise.api;

import app.bytewise.OnPostgres;

/** The personal endpoints again, with PostgreSQL behind them. */
@OnPostgres
class PersonalApiOnPostgresTest extends PersonalApiTest {
}
