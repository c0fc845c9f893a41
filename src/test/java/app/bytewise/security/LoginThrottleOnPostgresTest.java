package app.bytewise.security;

import app.bytewise.OnPostgres;

@OnPostgres
class LoginThrottleOnPostgresTest extends LoginThrottleOnDatabaseTest {
}
