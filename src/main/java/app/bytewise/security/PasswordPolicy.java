package app.bytewise.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules for a new password, after NIST SP 800-63B §5.1.1.2 (memorized secrets): a minimum
 * length, no composition rules, and a refusal of known-common and context-specific passwords such as
 * the username. The upper bound is bcrypt's: it uses only the first 72 bytes of a password, so a
 * longer one would silently authenticate by its prefix; refusing it says so instead of hiding it
 * (OWASP Password Storage Cheat Sheet, "Input Limits of bcrypt").
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Characters a form accepts; the byte rule below is the binding one for non-ASCII text. */
    public static final int MAX_LENGTH = 128;
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the bundled list of common passwords. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PasswordPolicy(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the password, as a message for the password field; empty if it is acceptable. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("At least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("At most " + MAX_BYTES + " bytes (about 72 letters, fewer with accents or emoji): "
                    + "the password hash ignores anything longer.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && lower.contains(name)) {
            return Optional.of("The password must not contain the username.");
        }
        if (common.contains(lower) || lower.chars().distinct().count() == 1) {
            return Optional.of("This password is too common; choose a less predictable one.");
        }
        return Optional.empty();
    }
}
