package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.bytewise.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Repeated HTTP Basic sign-ins with the same pair: one bcrypt comparison per minute, not one per request. */
class RecentPasswordMatchesTest {

    private static final String PASSWORD = "purple-otter-harbour";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("ada").password(bcrypt.encode(PASSWORD)).roles("CANDIDATE").build(),
            User.withUsername("grace").password(bcrypt.encode("cobol-compiler-1959")).roles("CANDIDATE").build());
    private final ThrottlingAuthenticationProvider provider = new ThrottlingAuthenticationProvider(users,
            new RecentPasswordMatches(bcrypt, clock, Duration.ofSeconds(60), 100),
            new LoginThrottle(new LoginThrottleSettings(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(5), 1000,
                    LoginThrottleSettings.Store.MEMORY), clock, new MemoryThrottleStore(1000)));

    @Test
    void aRepeatedRightPairIsCheckedOncePerInterval() {
        assertThat(signIn("ada", PASSWORD).isAuthenticated()).isTrue();
        assertThat(bcrypt.matches.get()).isEqualTo(1);
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(2));
            assertThat(signIn("ada", PASSWORD).getName()).isEqualTo("ada");
        }
        assertThat(bcrypt.matches.get()).as("cache hits never reach the encoder").isEqualTo(1);

        clock.advance(Duration.ofSeconds(21)); // 61 s after the check
        signIn("ada", PASSWORD);
        assertThat(bcrypt.matches.get()).isEqualTo(2);
    }

    @Test
    void wrongPasswordsAndUnknownUsersAlwaysCostTheFullComparison() {
        signIn("ada", PASSWORD);
        bcrypt.matches.set(0);
        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowable(() -> signIn("ada", PASSWORD + "x"))).isInstanceOf(BadCredentialsException.class);
            assertThat(catchThrowable(() -> signIn("nobody", PASSWORD))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.matches.get()).isEqualTo(6);
    }

    @Test
    void aChangedPasswordIsCheckedAgainAndTheOldOneNoLongerWorks() {
        signIn("ada", PASSWORD);
        users.updateUser(User.withUsername("ada").password(bcrypt.encode("new-password-for-ada")).roles("CANDIDATE")
                .build());
        bcrypt.matches.set(0);
        assertThat(catchThrowable(() -> signIn("ada", PASSWORD))).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("ada", "new-password-for-ada").isAuthenticated()).isTrue();
        assertThat(bcrypt.matches.get()).isEqualTo(2);
    }

    @Test
    void theCacheHoldsAtMostItsCapacity() {
        var small = new ThrottlingAuthenticationProvider(users, new RecentPasswordMatches(bcrypt, clock,
                Duration.ofSeconds(60), 1), new LoginThrottle(new LoginThrottleSettings(5, 20, Duration.ofMinutes(1),
                        Duration.ofMinutes(5), 1000, LoginThrottleSettings.Store.MEMORY), clock,
                        new MemoryThrottleStore(1000)));
        small.authenticate(token("ada", PASSWORD));
        small.authenticate(token("grace", "cobol-compiler-1959")); // pushes ada's entry out
        bcrypt.matches.set(0);
        small.authenticate(token("grace", "cobol-compiler-1959"));
        assertThat(bcrypt.matches.get()).isZero();
        small.authenticate(token("ada", PASSWORD));
        assertThat(bcrypt.matches.get()).isEqualTo(1);
    }

    private Authentication signIn(String username, String password) {
        return provider.authenticate(token(username, password));
    }

    private static UsernamePasswordAuthenticationToken token(String username, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails("192.0.2.9", null));
        return token;
    }
}
