package app.bytewise.quant.number;

/**
 * IEEE 754 binary16 ("half"): 1 sign, 5 exponent bits (bias 15), 10 mantissa bits. Largest
 * finite 65504, smallest normal 2^-14, smallest subnormal 2^-24. Conversion from float32 rounds
 * to nearest even and overflows to ±Inf from 65520 (max + half an ulp) up.
 */
public final class Fp16 {

    public static final float MAX = 65504f;
    private static final int MANTISSA_BITS = 10;
    private static final int MIN_EXPONENT = -14;
    private static final int INFINITY = 0x7C00;

    private Fp16() {
    }

    /**
     * The binary16 bits of {@code f}. A NaN stays a NaN with its sign and the top payload bits,
     * quieted (the JDK's {@link Float#floatToFloat16} keeps more payload bits and does not quiet).
     */
    public static short encode(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        if (Float.isNaN(f)) {
            return (short) (sign | INFINITY | 0x200 | ((bits >>> 13) & 0x1FF));
        }
        if (Float.isInfinite(f)) {
            return (short) (sign | INFINITY);
        }
        int magnitude = MiniFloat.roundMagnitude(bits, MANTISSA_BITS, MIN_EXPONENT);
        return (short) (sign | Math.min(magnitude, INFINITY));
    }

    /** The exact float32 value of binary16 bits; a NaN keeps its sign and payload. */
    public static float decode(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int magnitude = h & 0x7FFF;
        if (magnitude >= INFINITY) {
            // exponent field 31: Inf or NaN, payload moved to the top of the float32 mantissa
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (magnitude & 0x3FF) << 13);
        }
        return MiniFloat.withSign(sign != 0, MiniFloat.widen(magnitude, MANTISSA_BITS, MIN_EXPONENT));
    }
}
