package app.bytewise.security;

import app.bytewise.TestClock;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Sign-in through the throttle with a real bcrypt encoder, counting the hash comparisons it makes. */
class ThrottlingAuthenticationProviderTest {

    private static final String ADDRESS = "192.0.2.7";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final CountingEncoder encoder = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final ThrottlingAuthenticationProvider provider = new ThrottlingAuthenticationProvider(
            new InMemoryUserDetailsManager(User.withUsername("ada").password(encoder.encode("purple-otter-harbour"))
                    .roles("CANDIDATE").build()),
            encoder, new LoginThrottle(new LoginThrottleSettings(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(5), 1000,
                    LoginThrottleSettings.Store.MEMORY), clock, new MemoryThrottleStore(1000)));

    @Test
    void anUnknownUserAndAWrongPasswordFailAlikeAndBothCostOneBcryptComparison() {
        encoder.matches.set(0);
        var unknown = catchFailure("no-such-user", "purple-otter-harbour");
        assertThat(encoder.matches.get()).as("dummy hash compared for the unknown user").isEqualTo(1);
        var wrong = catchFailure("ada", "wrong-password-here");
        assertThat(encoder.matches.get()).isEqualTo(2);
        assertThat(unknown).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(wrong).isExactlyInstanceOf(BadCredentialsException.class);
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedAlikeUntilTheLockoutEnds() {
        for (int i = 0; i < 5; i++) {
            catchFailure("ada", "wrong-password-" + i);
        }
        encoder.matches.set(0);
        var throttled = catchFailure("ada", "purple-otter-harbour");
        assertThat(encoder.matches.get()).as("a throttled attempt is not checked at all").isZero();
        assertThat(throttled).isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage(catchFailure("no-such-user", "x").getMessage());

        clock.advance(Duration.ofMinutes(5));
        assertThat(signIn("ada", "purple-otter-harbour").isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            catchFailure("ada", "wrong-password-" + i);
        }
        assertThat(signIn("ada", "purple-otter-harbour").isAuthenticated()).isTrue();
        for (int i = 0; i < 4; i++) {
            catchFailure("ada", "wrong-password-" + i);
        }
        assertThat(signIn("ada", "purple-otter-harbour").isAuthenticated()).isTrue();
    }

    private Authentication signIn(String username, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(ADDRESS, null));
        return provider.authenticate(token);
    }

    private Throwable catchFailure(String username, String password) {
        return org.assertj.core.api.Assertions.catchThrowable(() -> signIn(username, password));
    }
}
