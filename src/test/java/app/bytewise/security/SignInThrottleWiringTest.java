package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authentication manager the form login uses is the throttled one: after five wrong passwords
 * from one address even the demo candidate's right password is refused there, not elsewhere.
 */
@SpringBootTest
@ActiveProfiles("test")
class SignInThrottleWiringTest {

    @Autowired
    private AuthenticationConfiguration configuration;

    @Test
    void fiveWrongPasswordsLockTheAccountFromThatAddressOnly() throws Exception {
        AuthenticationManager manager = configuration.getAuthenticationManager();
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> signIn(manager, "candidate", "wrong-" + attempt, "198.51.100.77"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn(manager, "candidate", "candidate-demo", "198.51.100.77"))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(signIn(manager, "candidate", "candidate-demo", "198.51.100.78").isAuthenticated()).isTrue();
    }

    private static Authentication signIn(AuthenticationManager manager, String username, String password,
            String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return manager.authenticate(token);
    }
}
