package app.bytewise.security;

import java.time.Instant;
import java.util.Optional;

/** An issued invite code as its administrator sees it later: never the code itself, only its fate. */
public record InviteSummary(Instant issuedAt, Instant expiresAt, Optional<String> usedBy, Optional<Instant> usedAt) {

    public String status(Instant now) {
        if (usedAt.isPresent()) {
            return "Used by " + usedBy.orElse("a deleted account");
        }
        return now.isBefore(expiresAt) ? "Open" : "Expired";
    }
}
