package app.bytewise.quant.gguf;

/**
 * The rounding primitives ggml uses. They are not interchangeable: picking the wrong one changes
 * bytes on ties. (The third one, C's truncating cast after adding 0.5, is a plain Java {@code (int)}
 * cast because its argument is never negative.)
 */
final class Rounding {

    /** 1.5·2²³: adding it in float32 leaves the rounded integer in the low mantissa bits. */
    private static final float MAGIC = 12582912f;

    private Rounding() {
    }

    /**
     * ggml's {@code nearest_int}: round half to even via the float32 magic-number trick. Reproduced
     * bit for bit (not via {@code Math.rint}) so that out-of-range inputs also give what C gives.
     */
    static int nearestInt(float v) {
        return (Float.floatToRawIntBits(v + MAGIC) & 0x007FFFFF) - 0x00400000;
    }

    /**
     * C's {@code roundf}: nearest, ties away from zero ({@code Math.round} differs on negative ties).
     * Adding ±0.5 in double is exact for any float of interest, so truncation then rounds correctly.
     */
    static int roundHalfAway(float v) {
        return (int) ((double) v + Math.copySign(0.5, v));
    }

    /**
     * C's float-to-int conversion as x86-64 compiles it ({@code cvttss2si}): truncation toward zero,
     * and INT_MIN ("integer indefinite") for NaN, ±inf and anything outside the int range, where
     * Java's cast would saturate or give 0.
     */
    static int truncX86(float v) {
        return Math.abs(v) < 0x1p31f ? (int) v : Integer.MIN_VALUE;
    }

    /**
     * C's {@code (int) roundf(v)} on x86-64: ties away from zero, then {@link #truncX86}, so NaN,
     * ±inf and out-of-range values give INT_MIN.
     */
    static int roundfToIntX86(float v) {
        return Math.abs(v) < 0x1p31f ? roundHalfAway(v) : Integer.MIN_VALUE;
    }

    /**
     * glibc's {@code lroundf} on x86-64 (sysdeps/ieee754/flt-32/s_lroundf.c): ties away from zero
     * while |v| < 2^63; beyond that, NaN and ±inf included, it returns {@code (long int) v}, which
     * {@code cvttss2si} makes LONG_MIN. Adding ±0.5 in double is exact below 2^52 and leaves larger
     * floats, already integers, unchanged.
     */
    static long lroundf(float v) {
        return Math.abs(v) < 0x1p63f ? (long) ((double) v + Math.copySign(0.5, v)) : Long.MIN_VALUE;
    }
}
