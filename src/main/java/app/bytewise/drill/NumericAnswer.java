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

    /**
     * The smallest relative gap between two figures that the grading still tells apart: four
     * significant digits are shown, so the shown answer lies within 0.05 % of the value, and a
     * tolerance never goes below {@link #MIN_RELATIVE}.
     */
    static final BigDecimal MIN_RELATIVE = new BigDecimal("0.001");

    /** Whether {@code mistake} lies too close to the answer to be told apart from it (under 2 × the smallest tolerance). */
    public boolean indistinguishable(BigDecimal mistake) {
        return tolerance.kind() == Tolerance.Kind.RELATIVE && value.signum() != 0
                && relativeGap(mistake).compareTo(MIN_RELATIVE.multiply(BigDecimal.TWO)) < 0;
    }

    /**
     * This answer with its relative tolerance narrowed to under half the gap to the nearest of
     * {@code mistakes}, so a figure inside the tolerance is always nearer the answer than any
     * mistake and a mistake is never graded correct (vLLM's page rounding is 1.6 % on some
     * questions; a ±2 % tolerance would let it pass). Other kinds of tolerance are kept.
     */
    public NumericAnswer narrowedFor(java.util.Collection<BigDecimal> mistakes) {
        if (tolerance.kind() != Tolerance.Kind.RELATIVE || value.signum() == 0) {
            return this;
        }
        BigDecimal amount = tolerance.amount();
        for (BigDecimal m : mistakes) {
            if (indistinguishable(m)) {
                continue;
            }
            BigDecimal gap = relativeGap(m);
            BigDecimal half = gap.divide(BigDecimal.TWO, new java.math.MathContext(2, RoundingMode.DOWN));
            // Strictly under half the gap: a figure exactly midway is not accepted as right.
            BigDecimal below = half.multiply(BigDecimal.TWO).compareTo(gap) < 0 ? half : half.subtract(half.ulp());
            if (below.compareTo(amount) < 0) {
                amount = below.max(MIN_RELATIVE);
            }
        }
        return amount.compareTo(tolerance.amount()) == 0 ? this
                : new NumericAnswer(value, unit, decimals, new Tolerance(Tolerance.Kind.RELATIVE, amount.stripTrailingZeros()));
    }

    private BigDecimal relativeGap(BigDecimal other) {
        return other.subtract(value).abs().divide(value.abs(), java.math.MathContext.DECIMAL64);
    }
}
