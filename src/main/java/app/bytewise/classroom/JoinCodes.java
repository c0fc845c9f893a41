package app.bytewise.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Join codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V),
 * easy to read out in a classroom. 23^8 ≈ 7.8 × 10^10 codes, drawn from a secure generator so they
 * cannot be guessed from one another.
 */
final class JoinCodes {

    static final String ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
    static final int LENGTH = 8;

    private final RandomGenerator random;

    JoinCodes() {
        this(new SecureRandom());
    }

    JoinCodes(RandomGenerator random) {
        this.random = random;
    }

    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as stored: upper case, without spaces or dashes ("abcd-efgh" → "ABCDEFGH"). */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
