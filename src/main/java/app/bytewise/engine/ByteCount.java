package app.bytewise.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * An exact number of bytes, with both decimal and binary readings.
 *
 * <p>GB is 10^9 bytes and GiB is 2^30 bytes (IEC 80000-13; NIST SP 811). GPU vendors print HBM
 * sizes in binary units labelled "GB" (an "80 GB" A100 holds 80 GiB), while model cards and
 * checkpoint sizes use decimal GB, so both readings are always shown and never mixed.
 */
public record ByteCount(long bytes) implements Comparable<ByteCount> {

    public static final long GB = 1_000_000_000L;
    public static final long GIB = 1L << 30;

    public ByteCount {
        if (bytes < 0) {
            throw new IllegalArgumentException("a byte count cannot be negative: " + bytes);
        }
    }

    public static ByteCount of(long bytes) {
        return new ByteCount(bytes);
    }

    public static ByteCount ofGiB(long gibibytes) {
        return new ByteCount(Math.multiplyExact(gibibytes, GIB));
    }

    public ByteCount plus(ByteCount other) {
        return new ByteCount(Math.addExact(bytes, other.bytes));
    }

    public ByteCount times(long factor) {
        return new ByteCount(Math.multiplyExact(bytes, factor));
    }

    /** Decimal gigabytes, exact to the byte (10^9 bytes each). */
    public BigDecimal gigabytes() {
        // bytes / 10^9 is bytes with the decimal point moved nine places: no division needed.
        return plainest(BigDecimal.valueOf(bytes, 9));
    }

    /** Binary gibibytes, exact (2^30 bytes each; the quotient of a power of two always terminates). */
    public BigDecimal gibibytes() {
        // With bytes = m * 2^k (m odd), bytes / 2^30 is an integer when k >= 30, else
        // m * 5^(30-k) / 10^(30-k): exact, already at its fewest decimals (m * 5^j is odd, so never a
        // multiple of 10), and only a multiplication, where the exact division the estimator's JSON
        // asked for about forty times per answer was a large share of its garbage.
        if (bytes == 0) {
            return BigDecimal.ZERO;
        }
        int k = Long.numberOfTrailingZeros(bytes);
        if (k >= 30) {
            return BigDecimal.valueOf(bytes >>> 30);
        }
        return new BigDecimal(BigInteger.valueOf(bytes >>> k).multiply(BigInteger.valueOf(5).pow(30 - k)), 30 - k);
    }

    /** "13.48 GB (12.55 GiB)": both readings, rounded half-up to two decimals for display only. */
    public String display() {
        return String.format(Locale.ROOT, "%s GB (%s GiB)", round2(gigabytes()), round2(gibibytes()));
    }

    @Override
    public int compareTo(ByteCount other) {
        return Long.compare(bytes, other.bytes);
    }

    /**
     * The value with the fewest decimals that still hold it exactly, and never fewer than none:
     * the scale an exact {@link BigDecimal#divide(BigDecimal)} by the unit would give. Cheap here:
     * the unscaled value is a long with at most nine trailing zeros to strip.
     */
    private static BigDecimal plainest(BigDecimal exact) {
        BigDecimal stripped = exact.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String round2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
