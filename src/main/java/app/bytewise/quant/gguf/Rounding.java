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
}
