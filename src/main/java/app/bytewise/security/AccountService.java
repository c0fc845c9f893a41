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

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final PasswordPolicy passwordPolicy = PasswordPolicy.standard();

    public AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Registers a new candidate; throws {@link SignUpException} naming the field at fault.
     *
     * <p>A taken username is reported as taken. With sign-up by username alone there is no way to
     * hide that (the person must pick another name, and the message is what tells them to), so
     * the form is rate-limited per address instead (see {@code SignUpThrottle}), which bounds how
     * fast anyone can probe for names; sign-in, by contrast, never tells unknown names apart.
     */
    @Transactional
    public UserAccount registerCandidate(String username, String displayName, String password) {
        return create(username, displayName, password, Role.CANDIDATE);
    }

    /** Creates an account of any role; the same rules as sign-up, password policy included. */
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
            // Two sign-ups with one name at once: the unique index decides, the loser gets the same message.
            throw new SignUpException("username", "This username is taken; please choose another.");
        }
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return accounts.findByUsername(normalize(username));
    }

    private static String shown(String name, String displayName) {
        return displayName == null || displayName.isBlank() ? name : displayName.strip();
    }

    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void validate(String username, String displayName, String password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new SignUpException("username",
                    "3 to 32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (displayName.length() > 80) {
            throw new SignUpException("displayName", "At most 80 characters.");
        }
        if (password == null || password.isEmpty()) {
            throw new SignUpException("password", "A password is required.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            throw new SignUpException("password", "At most " + PasswordPolicy.MAX_BYTES + " bytes.");
        }
    }
}
