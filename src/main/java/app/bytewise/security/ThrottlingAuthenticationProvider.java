package app.bytewise.security;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one authentication provider, so Spring Security builds the global authentication manager
 * from it and every sign-in (the Vaadin form login, and HTTP Basic if a chain enables it) passes
 * through the throttle. The password check itself is Spring's {@link DaoAuthenticationProvider},
 * which hides whether a username exists: an unknown name gets the same {@link BadCredentialsException}
 * after a bcrypt comparison against a dummy hash, so it takes as long as a wrong password (OWASP
 * Authentication Cheat Sheet, "Authentication Responses"). A throttled attempt is refused with the
 * same exception, so the sign-in page shows the same message and the password is never checked.
 * A password that matched within the last minute is not checked again ({@link RecentPasswordMatches}),
 * so HTTP Basic clients do not pay a bcrypt comparison on every request.
 */
@Component
@EnableConfigurationProperties(LoginThrottleSettings.class)
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    @Autowired
    public ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
            LoginThrottleSettings settings, Clock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(users, new RecentPasswordMatches(encoder, clock, RecentPasswordMatches.DEFAULT_TTL,
                RecentPasswordMatches.DEFAULT_CAPACITY), new LoginThrottle(settings, clock, switch (settings.store()) {
            case DATABASE -> new DatabaseThrottleStore(jdbc, new TransactionTemplate(transactions), settings.window());
            case MEMORY -> new MemoryThrottleStore(settings.maxTrackedKeys());
        }));
    }

    ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        if (throttle.isBlocked(username, address)) {
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            throttle.recordSuccess(username, address);
            return result;
        } catch (BadCredentialsException wrong) {
            throttle.recordFailure(username, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
