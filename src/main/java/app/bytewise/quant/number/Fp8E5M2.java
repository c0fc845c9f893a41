package app.bytewise.quant.number;

/**
 * OCP 8-bit floating point E5M2 (OFP8): 1 sign, 5 exponent bits (bias 15), 2 mantissa bits, with
 * IEEE infinities (S.11111.00) and NaNs (S.11111.xx, xx != 00). Largest finite 57344, smallest
 * normal 2^-14, smallest subnormal 2^-16. It is binary16 with the low 8 mantissa bits dropped.
 *
 * <p>{@link #encode(float)} is IEEE-like: to nearest even, and past 61440 (max + half an ulp) to
 * ±Inf. {@link Overflow#SATURATE} clamps those, and ±Inf, to ±57344 instead.
 */
public final class Fp8E5M2 {

    public static final float MAX = 57344f;
    /** The NaN produced by {@link #encode}: quiet (top mantissa bit set), sign of the input. */
    public static final byte NAN = 0x7E;
    private static final int MANTISSA_BITS = 2;
    private static final int MIN_EXPONENT = -14;
    private static final int MAX_MAGNITUDE = 0x7B;
    private static final int INFINITY = 0x7C;
    private static final float[] VALUES = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            VALUES[b] = Fp16.decode((short) (b << 8));
        }
    }

    private Fp8E5M2() {
    }

    /** Encodes with {@link Overflow#NON_SATURATING}. */
    public static byte encode(float f) {
        return encode(f, Overflow.NON_SATURATING);
    }

    public static byte encode(float f, Overflow overflow) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 24) & 0x80;
        if (Float.isNaN(f)) {
            return (byte) (sign | NAN);
        }
        int magnitude = Float.isInfinite(f)
                ? INFINITY
                : MiniFloat.roundMagnitude(bits, MANTISSA_BITS, MIN_EXPONENT);
        if (magnitude > MAX_MAGNITUDE) {
            magnitude = overflow == Overflow.SATURATE ? MAX_MAGNITUDE : INFINITY;
        }
        return (byte) (sign | magnitude);
    }

    /** The exact value, through binary16: the same exponent field, two mantissa bits of ten. */
    public static float decode(byte fp8) {
        return VALUES[fp8 & 0xFF];
    }
}
