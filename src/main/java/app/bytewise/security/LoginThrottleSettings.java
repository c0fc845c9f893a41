package app.bytewise.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling, {@code bytewise.security.login-throttle.*}. After {@code maxFailuresPerAccount}
 * failed sign-ins for one username from one address within {@code window}, that pair is refused for
 * {@code lockout}; after {@code maxFailuresPerAddress} failures from one address across usernames
 * (password spraying), the address is. Locking the pair rather than the account means an attacker
 * elsewhere cannot lock a real user out (OWASP Authentication Cheat Sheet, "Account Lockout").
 */
@ConfigurationProperties("bytewise.security.login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("1m") Duration window,
        @DefaultValue("5m") Duration lockout,
        @DefaultValue("10000") int maxTrackedKeys) {
}
