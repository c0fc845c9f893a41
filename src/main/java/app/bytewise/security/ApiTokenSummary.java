package app.bytewise.security;

import java.time.Instant;
import java.util.Optional;

/** What the owner sees of a token after its creation: never the token itself. */
public record ApiTokenSummary(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt) {
}
