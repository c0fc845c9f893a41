package app.bytewise.engine;

import java.math.BigDecimal;
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
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GB));
    }

    /** Binary gibibytes, exact (2^30 bytes each; the quotient of a power of two always terminates). */
    public BigDecimal gibibytes() {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB));
    }

    /** "13.48 GB (12.55 GiB)": both readings, rounded half-up to two decimals for display only. */
    public String display() {
        return String.format(Locale.ROOT, "%s GB (%s GiB)", round2(gigabytes()), round2(gibibytes()));
    }

    @Override
    public int compareTo(ByteCount other) {
        return Long.compare(bytes, other.bytes);
    }

    private static String round2(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
