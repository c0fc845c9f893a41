package app.bytewise.security;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts. Every rule a sign-up form shows is checked here too, so no caller can skip it. */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");
    private static final Pattern CHOSEN_NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2," + (SignInNames.MAX_CHOSEN_LENGTH - 1) + "}");
    /** Tags drawn before giving up; with 10,000 tags per name a miss this many times means a flood. */
    private static final int TAG_DRAWS = 25;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final PasswordPolicy passwordPolicy = PasswordPolicy.standard();
    private final SignInNames signInNames;
    private final InstructorInvites invites;

    public AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
            SignInNames signInNames, InstructorInvites invites) {
        this.invites = invites;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.signInNames = signInNames;
    }

    /**
     * Registers a new candidate under the chosen name plus a random tag (see {@link SignInNames});
     * the returned account's username is the name to sign in with. Throws {@link SignUpException}
     * naming the field at fault.
     *
     * <p>Nothing here depends on which accounts exist: the chosen part is never "taken", and a tag
     * already in use is silently drawn again, so the answer tells a caller nothing about other
     * accounts (no enumeration). The password rules see the chosen part, as the person typed it.
     */
    @Transactional
    public UserAccount registerCandidate(String chosenName, String displayName, String password) {
        return register(chosenName, displayName, password, "");
    }

    /**
     * As {@link #registerCandidate}, and with a non-blank instructor invite code an instructor: the
     * code is used in the same transaction, so a wrong, used or expired one (a {@link SignUpException}
     * on {@code invite}) leaves no account behind and a code makes exactly one account.
     */
    @Transactional
    public UserAccount register(String chosenName, String displayName, String password, String inviteCode) {
        boolean invited = inviteCode != null && !inviteCode.isBlank();
        String chosen = normalize(chosenName);
        UserText.problem(chosen).ifPresent(problem -> {
            throw new SignUpException("username", problem);
        });
        if (!CHOSEN_NAME.matcher(chosen).matches()) {
            throw new SignUpException("username", "3 to " + SignInNames.MAX_CHOSEN_LENGTH
                    + " characters: letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        validate(chosen, shown(chosen, displayName), password);
        passwordPolicy.problem(chosen, password).ifPresent(problem -> {
            throw new SignUpException("password", problem);
        });
        for (int draw = 0; draw < TAG_DRAWS; draw++) {
            String name = signInNames.tagged(chosen);
            if (!accounts.existsByUsername(name)) {
                // A sign-up racing for the very same tag loses at the unique index, with the same
                // neutral message as below; the odds are 1 in 10,000 per concurrent pair.
                UserAccount account = store(name, shown(chosen, displayName), password,
                        invited ? Role.INSTRUCTOR : Role.CANDIDATE);
                if (invited) {
                    invites.redeem(inviteCode, account);
                }
                return account;
            }
        }
        throw new SignUpException("username", "Please try again in a moment, or with another name.");
    }

    /**
     * Creates an account with exactly this username, of any role, under the same rules as sign-up,
     * password policy included. For operators and sample data only: it reports a taken name, so no
     * public form or API calls it.
     */
    @Transactional
    public UserAccount create(String username, String displayName, String password, Role role) {
        String name = normalize(username);
        validate(name, shown(name, displayName), password); // field errors in form order: username first
        passwordPolicy.problem(name, password).ifPresent(problem -> {
            throw new SignUpException("password", problem);
        });
        return store(name, displayName, password, role);
    }

    /**
     * Creates a demo account whose password is published in the README: strength rules would protect
     * nothing there, so only the storage limits apply. Never call it for a real person's account.
     */
    @Transactional
    public UserAccount createDemoAccount(String username, String displayName, String password, Role role) {
        return store(normalize(username), displayName, password, role);
    }

    private UserAccount store(String name, String displayName, String password, Role role) {
        // Usernames are case-insensitive: stored lower-cased, so the unique constraint covers case.
        String shown = shown(name, displayName);
        validate(name, shown, password);
        if (accounts.existsByUsername(name)) {
            throw new SignUpException("username", "This username is taken; please choose another.");
        }
        try {
            return accounts.saveAndFlush(
                    new UserAccount(name, shown, passwordEncoder.encode(password), role, clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            // Two accounts with one name at once: the unique index decides. The message stays neutral,
            // since a sign-up can land here too (two equal tags drawn at the same moment).
            throw new SignUpException("username", "Please try again in a moment, or with another name.");
        }
    }

    /** Empty for a name no account can have, without asking the database (PostgreSQL refuses a NUL). */
    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        if (UserText.problem(username).isPresent()) {
            return Optional.empty();
        }
        return accounts.findByUsername(normalize(username));
    }

    private static String shown(String name, String displayName) {
        return displayName == null || displayName.isBlank() ? name : displayName.strip();
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void validate(String username, String displayName, String password) {
        UserText.problem(username).ifPresent(problem -> {
            throw new SignUpException("username", problem);
        });
        if (!USERNAME.matcher(username).matches()) {
            throw new SignUpException("username",
                    "3 to 32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (displayName.length() > 80) {
            throw new SignUpException("displayName", "At most 80 characters.");
        }
        UserText.problem(displayName).ifPresent(problem -> {
            throw new SignUpException("displayName", problem);
        });
        if (password == null || password.isEmpty()) {
            throw new SignUpException("password", "A password is required.");
        }
        UserText.problem(password).ifPresent(problem -> {
            throw new SignUpException("password", problem);
        });
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            throw new SignUpException("password", "At most " + PasswordPolicy.MAX_BYTES + " bytes.");
        }
    }
}
