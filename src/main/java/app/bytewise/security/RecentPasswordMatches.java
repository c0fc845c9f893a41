package app.bytewise.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched a stored hash, so HTTP Basic, which sends
 * the password with every request, costs one bcrypt comparison per interval instead of one per
 * request (a bcrypt check takes tens of milliseconds by design: one account on eight threads held
 * the server at about ten authenticated requests a second).
 *
 * <p>The key is an HMAC, under a random key made at start and never stored, of the stored hash and
 * the password, so memory holds no password and no fast hash of one that could be guessed offline.
 * The stored hash is part of the key: a changed password has a new hash and misses, a deleted
 * account is not found before any comparison, on every node alike. Only matches are remembered, so
 * a wrong password, or an unknown user's dummy comparison, always costs the full bcrypt.
 */
final class RecentPasswordMatches implements PasswordEncoder {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    static final int DEFAULT_CAPACITY = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final BoundedLruMap<String, Instant> verifiedUntil;
    private final SecretKeySpec key;

    RecentPasswordMatches(PasswordEncoder delegate, Clock clock, Duration ttl, int capacity) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        this.verifiedUntil = new BoundedLruMap<>(capacity);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (verifiedUntil) {
            Instant until = verifiedUntil.get(entry);
            if (until != null && now.isBefore(until)) {
                return true;
            }
        }
        boolean matched = delegate.matches(rawPassword, encodedPassword);
        if (matched) {
            synchronized (verifiedUntil) {
                verifiedUntil.put(entry, now.plus(ttl));
            }
        }
        return matched;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
