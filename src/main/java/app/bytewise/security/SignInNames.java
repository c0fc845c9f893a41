package app.bytewise.security;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Makes a sign-up's sign-in name from the name the person chose plus a random four-digit tag
 * ({@code ada} becomes {@code ada-4821}), the scheme of Discord's former discriminators and
 * Battle.net's BattleTags.
 *
 * <p>Why: a sign-up form that answers "this username is taken" lists accounts to anyone who asks
 * (OWASP Authentication Cheat Sheet, "Authentication and Error Messages"). With a tag the chosen
 * part is never taken, so sign-up has nothing to reveal; the person reads the full name once, on the
 * confirmation, and the sign-in form's answer is the same for every unknown or wrong pair.
 */
@Component
public class SignInNames {

    /** Four digits: 10,000 names per chosen part, short enough to remember with it. */
    static final int TAG_DIGITS = 4;
    /** The chosen part leaves room for "-NNNN" in the 32-character username column. */
    public static final int MAX_CHOSEN_LENGTH = 32 - 1 - TAG_DIGITS;

    private final RandomGenerator random;

    public SignInNames() {
        this(new SecureRandom());
    }

    SignInNames(RandomGenerator random) {
        this.random = random;
    }

    /** A candidate sign-in name for the (already normalized) chosen part; the caller checks it is free. */
    String tagged(String chosen) {
        return chosen + "-" + String.format("%0" + TAG_DIGITS + "d", random.nextInt(10_000));
    }
}
