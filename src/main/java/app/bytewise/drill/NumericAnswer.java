package app.bytewise.drill;

import app.bytewise.drill.answer.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The expected value of a numeric question, held in the base unit of its dimension (bytes, bytes/s,
 * tokens/s, seconds, a fraction or a count), the unit the question asks for, and how it is shown.
 */
public record NumericAnswer(BigDecimal value, Unit unit, int decimals, Tolerance tolerance) {

    public static NumericAnswer bytes(long bytes, Unit unit) {
        return new NumericAnswer(BigDecimal.valueOf(bytes), unit, 2, Tolerance.DEFAULT);
    }

    public static NumericAnswer count(long count) {
        return new NumericAnswer(BigDecimal.valueOf(count), Unit.ONE, 0, Tolerance.EXACT);
    }

    /** Significant digits always shown, so small values keep their precision (0.03125 GiB, not 0.03). */
    static final int SIGNIFICANT = 4;

    /** The value in the asked unit, rounded for display. */
    public BigDecimal displayed(BigDecimal base) {
        return unit.fromBase(base).setScale(decimalsFor(base), RoundingMode.HALF_UP);
    }

    private int decimalsFor(BigDecimal base) {
        if (decimals == 0) {
            return 0;
        }
        BigDecimal value = unit.fromBase(base).abs();
        if (value.signum() == 0) {
            return decimals;
        }
        int magnitude = value.precision() - value.scale() - 1; // floor(log10(value))
        return Math.max(decimals, SIGNIFICANT - 1 - magnitude);
    }

    public String format(BigDecimal base) {
        int places = decimalsFor(base);
        String number = places == 0
                ? String.format(java.util.Locale.ROOT, "%,d", displayed(base).toBigInteger())
                : String.format(java.util.Locale.ROOT, "%,." + places + "f", displayed(base));
        return unit.symbol().isEmpty() ? number : number + " " + unit.symbol();
    }

    public String expected() {
        return format(value);
    }
}
