package app.bytewise.drill.answer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A decimal literal read from its text before it becomes a {@link BigDecimal}: its significant
 * digits and the power of ten of the first of them, both found by counting characters, so an
 * exponent of ten million digits or a page of zeros costs no arithmetic.
 *
 * @param magnitude the power of ten of the leading significant digit (2 for 123.4, -3 for 0.00123)
 */
record BoundedNumber(boolean negative, String digits, int scale, long magnitude) {

    /** The exponent's digits beyond which the magnitude is out of every bound anyway. */
    private static final int MAX_EXPONENT_DIGITS = 9;

    /**
     * Reads what {@code AnswerParser}'s pattern matched ({@code -1,234.5e-6}); empty when it has more
     * than {@link AnswerParser#MAX_DIGITS} significant digits or an exponent too long to be in range.
     */
    static Optional<BoundedNumber> read(String literal) {
        String text = literal.replace(",", "");
        boolean negative = text.startsWith("-");
        if (text.startsWith("-") || text.startsWith("+")) {
            text = text.substring(1);
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        String mantissa = e < 0 ? text : text.substring(0, e);
        int point = mantissa.indexOf('.');
        String integer = point < 0 ? mantissa : mantissa.substring(0, point);
        String fraction = point < 0 ? "" : mantissa.substring(point + 1);
        String all = integer + fraction;
        int lead = 0;
        while (lead < all.length() && all.charAt(lead) == '0') {
            lead++;
        }
        String digits = all.substring(lead);
        if (digits.isEmpty()) {
            return Optional.of(new BoundedNumber(false, "", 0, 0)); // zero, whatever its exponent
        }
        if (digits.length() > AnswerParser.MAX_DIGITS) {
            return Optional.empty();
        }
        long exponent = 0;
        if (e >= 0) {
            String exp = text.substring(e + 1);
            boolean minus = exp.startsWith("-");
            exp = exp.startsWith("-") || exp.startsWith("+") ? exp.substring(1) : exp;
            if (exp.length() > MAX_EXPONENT_DIGITS) {
                return Optional.empty();
            }
            exponent = minus ? -Long.parseLong(exp) : Long.parseLong(exp);
        }
        // value = digits × 10^(exponent − fraction length); the lead digit sits digits.length() − 1 above that.
        long lowest = exponent - fraction.length();
        long magnitude = lowest + digits.length() - 1;
        if (Math.abs(magnitude) > AnswerParser.MAX_EXPONENT + 20) {
            return Optional.empty(); // no unit or suffix (at most 10^12) brings it back into range
        }
        return Optional.of(new BoundedNumber(negative, digits, (int) -lowest, magnitude));
    }

    boolean isZero() {
        return digits.isEmpty();
    }

    /** The exact value; cheap, as digits and scale are bounded. */
    BigDecimal value() {
        if (isZero()) {
            return BigDecimal.ZERO;
        }
        BigInteger unscaled = new BigInteger(digits);
        return new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
    }
}
