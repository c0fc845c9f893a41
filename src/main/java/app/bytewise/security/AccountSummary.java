package app.bytewise.security;

import java.time.Instant;

/** One account as an administrator sees it. */
public record AccountSummary(String username, String displayName, Role role, Instant createdAt) {

    static AccountSummary of(UserAccount account) {
        return new AccountSummary(account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getCreatedAt());
    }
}
