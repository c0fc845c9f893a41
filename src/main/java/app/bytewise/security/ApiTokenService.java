package app.bytewise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created and revoked by their owner, accepted as {@code Authorization: Bearer}
 * on the API. A token is 256 random bits (RFC 6750 bearer tokens need only be unguessable; OWASP
 * Secrets Management: 128 bits at least), so it is stored as a plain SHA-256 digest: unlike a
 * password it cannot be found by guessing, and checking it costs one hash and one indexed read
 * instead of a bcrypt comparison. The {@code bw_} prefix lets secret scanners recognise a leaked one.
 */
@Service
public class ApiTokenService {

    /** Tokens per account; enough for a few machines and scripts, and bounds the rows one account makes. */
    public static final int MAX_PER_ACCOUNT = 10;
    static final String PREFIX = "bw_";
    private static final int TOKEN_BYTES = 32;
    /** The last use is written at most this often per token, so a busy client does not write on every call. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, UserAccountRepository accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new token for the owner, under a name of 1 to 60 characters; throws {@link InvalidFieldException} on {@code name}. */
    @Transactional
    public NewApiToken create(UserAccount owner, String name) {
        String shown = name == null ? "" : name.strip();
        if (shown.isEmpty() || shown.length() > ApiToken.MAX_NAME) {
            throw new InvalidFieldException("name", "A token name has 1 to " + ApiToken.MAX_NAME + " characters.");
        }
        UserText.require("name", shown);
        if (tokens.countByUserId(owner.getId()) >= MAX_PER_ACCOUNT) {
            throw new InvalidFieldException("name", "You have " + MAX_PER_ACCOUNT + " tokens, the most an account "
                    + "can have; revoke one first.");
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // Microseconds, as the column keeps them, so the summary returned is the one stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiToken saved = tokens.saveAndFlush(new ApiToken(owner.getId(), shown, digest(token), now));
        return new NewApiToken(saved.summary(), token);
    }

    /** The owner's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> tokensOf(UserAccount owner) {
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(owner.getId()).stream().map(ApiToken::summary).toList();
    }

    /** Revokes one of the owner's tokens at once; someone else's or a missing one is left alone. True if one went. */
    @Transactional
    public boolean revoke(UserAccount owner, long tokenId) {
        return tokens.deleteOwn(tokenId, owner.getId()) > 0;
    }

    /** The account a presented token belongs to, noting its use; empty for an unknown or revoked token. */
    @Transactional
    public Optional<UserAccount> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100
                || UserText.problem(presented).isPresent()) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(digest(presented)).flatMap(token -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            tokens.touch(token.getId(), now, now.minus(LAST_USE_PRECISION));
            return accounts.findById(token.getUserId());
        });
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
