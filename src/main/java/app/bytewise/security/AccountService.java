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

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_LENGTH = 72; // bcrypt ignores bytes past 72
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,31}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Registers a new candidate; throws {@link SignUpException} naming the field at fault. */
    @Transactional
    public UserAccount registerCandidate(String username, String displayName, String password) {
        return create(username, displayName, password, Role.CANDIDATE);
    }

    /** Creates an account of any role, e.g. the demo instructor; same rules as sign-up. */
    @Transactional
    public UserAccount create(String username, String displayName, String password, Role role) {
        // Usernames are case-insensitive: stored lower-cased, so the unique constraint covers case.
        String name = normalize(username);
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
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
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new SignUpException("password", "At least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            throw new SignUpException("password", "At most " + MAX_PASSWORD_LENGTH + " bytes.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new SignUpException("password", "The password must differ from the username.");
        }
    }
}
