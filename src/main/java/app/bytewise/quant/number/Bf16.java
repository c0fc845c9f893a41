package app.bytewise.quant.number;

/**
 * bfloat16: the top half of a float32 (1 sign, 8 exponent bits, 7 mantissa bits), so the same
 * range (largest finite 3.3895314e38) with 8 bits of precision. Conversion from float32 rounds to
 * nearest even, not by truncation, and overflows to ±Inf.
 */
public final class Bf16 {

    public static final float MAX = 0x1.FEp127f;
    private static final int MANTISSA_BITS = 7;
    private static final int MIN_EXPONENT = -126;
    private static final int INFINITY = 0x7F80;

    private Bf16() {
    }

    /**
     * The bfloat16 bits of {@code f}. A NaN keeps its sign and top payload bits and is quieted, so
     * that a signalling NaN whose payload sits in the dropped bits cannot turn into Inf.
     */
    public static short encode(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        int sign = (bits >>> 16) & 0x8000;
        if (Float.isInfinite(f)) {
            return (short) (sign | INFINITY);
        }
        int magnitude = MiniFloat.roundMagnitude(bits, MANTISSA_BITS, MIN_EXPONENT);
        return (short) (sign | Math.min(magnitude, INFINITY));
    }

    /** The float32 with these bits on top: exact, NaN payloads included. */
    public static float decode(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xFFFF) << 16);
    }
}
