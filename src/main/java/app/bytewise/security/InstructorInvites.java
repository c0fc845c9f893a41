package app.bytewise.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instructor invite codes: an administrator issues one, a teacher enters it at sign-up and gets an
 * instructor account. A code is 80 random bits in Crockford's base32 (16 characters, no I, L, O or U,
 * so it survives being read aloud or retyped), single-use and valid for {@link #VALIDITY}; only its
 * SHA-256 digest is stored, as for API tokens (unguessable secrets need no slow hash).
 */
@Service
public class InstructorInvites {

    public static final Duration VALIDITY = Duration.ofDays(14);
    /** Unused, unexpired codes at once; bounds what a stolen administrator session can mint. */
    public static final int MAX_OPEN = 50;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_LENGTH = 16;

    private final InstructorInviteRepository invites;
    private final UserAccountRepository accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public InstructorInvites(InstructorInviteRepository invites, UserAccountRepository accounts, Clock clock) {
        this.invites = invites;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new code, issued by the named administrator; anyone else is refused. */
    @Transactional
    public IssuedInvite issue(String administrator) {
        UserAccount issuer = AccountRoles.administrator(accounts, administrator);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (invites.countByUsedAtIsNullAndExpiresAtAfter(now) >= MAX_OPEN) {
            throw new InvalidFieldException("invite", MAX_OPEN + " invite codes are open, the most at once; "
                    + "wait for some to be used or to expire.");
        }
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant expires = now.plus(VALIDITY);
        invites.saveAndFlush(new InstructorInvite(ApiTokenService.digest(code.toString()), issuer.getId(), now, expires));
        return new IssuedInvite(grouped(code.toString()), expires);
    }

    /** The latest codes issued (at most 50), for the administrator's page. */
    @Transactional(readOnly = true)
    public List<InviteSummary> recent(String administrator) {
        AccountRoles.administrator(accounts, administrator);
        return invites.findTop50ByOrderByIssuedAtDescIdDesc().stream()
                .map(invite -> new InviteSummary(invite.getIssuedAt(), invite.getExpiresAt(),
                        Optional.ofNullable(invite.getUsedBy()).flatMap(accounts::findById).map(UserAccount::getUsername),
                        Optional.ofNullable(invite.getUsedAt())))
                .toList();
    }

    /**
     * Uses the code for the new account, inside the sign-up's transaction: a wrong, used or expired
     * code throws {@link SignUpException} on {@code invite}, which rolls the account back too.
     */
    @Transactional
    void redeem(String code, UserAccount account) {
        String normalized = normalize(code);
        if (normalized.length() != CODE_LENGTH || normalized.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new SignUpException("invite", "An invite code has 16 letters and digits, as the administrator gave it.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (invites.redeem(ApiTokenService.digest(normalized), account.getId(), now) != 1) {
            // One message for wrong, used and expired alike: the answer tells nothing about other codes.
            throw new SignUpException("invite", "This invite code is not valid: it may be mistyped, used or expired. "
                    + "Ask your administrator for a new one, or leave the field empty for a candidate account.");
        }
    }

    /** Upper case, without spaces or dashes, with the letters people confuse read as Crockford does. */
    static String normalize(String code) {
        String plain = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return plain.replace('O', '0').replace('I', '1').replace('L', '1');
    }

    private static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
    }

    /** Thrown for callers that are not administrators. */
    static AccessDeniedException notAdministrator() {
        return new AccessDeniedException("Only an administrator can do this.");
    }
}
