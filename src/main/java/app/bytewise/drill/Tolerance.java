package app.bytewise.drill;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How close a typed number must be, as Moodle's numerical questions and WeBWorK offer it:
 * relative (±2 % by default), absolute, geometric (within a factor, for orders of magnitude), or
 * exact (parameter and GPU counts).
 */
public record Tolerance(Kind kind, BigDecimal amount) {

    public enum Kind { RELATIVE, ABSOLUTE, GEOMETRIC, EXACT }

    public static final Tolerance DEFAULT = relative("0.02");
    public static final Tolerance EXACT = new Tolerance(Kind.EXACT, BigDecimal.ZERO);

    public static Tolerance relative(String fraction) {
        return new Tolerance(Kind.RELATIVE, new BigDecimal(fraction));
    }

    public static Tolerance absolute(String amount) {
        return new Tolerance(Kind.ABSOLUTE, new BigDecimal(amount));
    }

    public static Tolerance geometric(String factor) {
        return new Tolerance(Kind.GEOMETRIC, new BigDecimal(factor));
    }

    public boolean accepts(BigDecimal expected, BigDecimal given) {
        return switch (kind) {
            case EXACT -> expected.compareTo(given) == 0;
            case ABSOLUTE -> expected.subtract(given).abs().compareTo(amount) <= 0;
            case RELATIVE -> expected.signum() == 0 ? given.signum() == 0
                    : expected.subtract(given).abs().compareTo(expected.abs().multiply(amount)) <= 0;
            case GEOMETRIC -> expected.signum() > 0 && given.signum() > 0
                    && given.divide(expected, MathContext.DECIMAL64).compareTo(amount) <= 0
                    && expected.divide(given, MathContext.DECIMAL64).compareTo(amount) <= 0;
        };
    }

    public String describe() {
        return switch (kind) {
            case EXACT -> "exact";
            case ABSOLUTE -> "±" + amount.stripTrailingZeros().toPlainString();
            case RELATIVE -> "±" + amount.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            case GEOMETRIC -> "within a factor of " + amount.stripTrailingZeros().toPlainString();
        };
    }
}
