package app.bytewise.security;

import java.time.Instant;

/** A new instructor invite code, shown once to the administrator who issued it. */
public record IssuedInvite(String code, Instant expiresAt) {
}
