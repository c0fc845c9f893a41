package app.bytewise.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits sign-up attempts per client address ({@code bytewise.security.sign-up.attempts} per
 * {@code bytewise.security.sign-up.period}). Every submitted form counts, successful or not, so a
 * script cannot create accounts in bulk (OWASP Automated Threats OAT-019, account creation) or
 * try passwords against the rules at full speed.
 */
@Component
public class SignUpThrottle {

    private final TokenBuckets buckets;

    public SignUpThrottle(@Value("${bytewise.security.sign-up.attempts:10}") int attempts,
            @Value("${bytewise.security.sign-up.period:10m}") Duration period, Clock clock) {
        this.buckets = new TokenBuckets(attempts, period, 10_000, clock);
    }

    public RateDecision tryAttempt(String clientAddress) {
        return buckets.tryConsume(clientAddress == null ? "unknown" : clientAddress, 1);
    }
}
