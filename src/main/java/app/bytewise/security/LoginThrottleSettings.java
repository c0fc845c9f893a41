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
 *
 * <p>{@code store}: {@code database} (the default) keeps the counts in the shared database, so all
 * nodes behind a balancer enforce one limit; {@code memory} keeps them per node, bounded by
 * {@code maxTrackedKeys}, for a single node that should not write on failed sign-ins.
 */
@ConfigurationProperties("bytewise.security.login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("1m") Duration window,
        @DefaultValue("5m") Duration lockout,
        @DefaultValue("10000") int maxTrackedKeys,
        @DefaultValue("database") Store store) {

    public enum Store { DATABASE, MEMORY }
}
