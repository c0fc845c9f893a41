package app.bytewise.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A sign-in name with a NUL never reaches the database: PostgreSQL fails on it (SQLSTATE 22021),
 * which the sign-in filter logged as an internal error with a stack trace. Here the repository fails
 * the way PostgreSQL's driver does, so asking it at all would show.
 */
class DatabaseUserDetailsServiceTest {

    private final UserAccountRepository postgresLike = mock(UserAccountRepository.class);

    DatabaseUserDetailsServiceTest() {
        when(postgresLike.findByUsername(anyString())).thenThrow(
                new DataIntegrityViolationException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00"));
    }

    @Test
    void aNameWithAControlCharacterIsUnknownWithoutAQuery() {
        var users = new DatabaseUserDetailsService(postgresLike);
        assertThatThrownBy(() -> users.loadUserByUsername("cand\u0000idate"))
                .isExactlyInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.loadUserByUsername("cand\u0007idate"))
                .isExactlyInstanceOf(UsernameNotFoundException.class);
        verifyNoInteractions(postgresLike);
    }

    @Test
    void signingInWithSuchANameIsTheOrdinaryRefusal() {
        var provider = new ThrottlingAuthenticationProvider(new DatabaseUserDetailsService(postgresLike),
                new BCryptPasswordEncoder(4), new LoginThrottle(new LoginThrottleSettings(5, 20, Duration.ofMinutes(1),
                        Duration.ofMinutes(5), 1000, LoginThrottleSettings.Store.MEMORY),
                        new app.bytewise.TestClock(Instant.EPOCH), new MemoryThrottleStore(1000)));
        assertThatThrownBy(() -> provider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("cand\u0000idate", "candidate-demo")))
                .isExactlyInstanceOf(BadCredentialsException.class);
        verifyNoInteractions(postgresLike);
    }
}
