package app.bytewise.quant.number;

/**
 * OCP 8-bit floating point E4M3 (OFP8, "E4M3FN"): 1 sign, 4 exponent bits (bias 7), 3 mantissa
 * bits. No infinities; S.1111.111 is the only NaN, so exponent field 15 still holds normals up to
 * 448 (0x7E). Smallest normal 2^-6, smallest subnormal 2^-9.
 *
 * <p>{@link #encode(float)} saturates: finite values past 448 and ±Inf become ±448. Rounding is
 * to nearest even, so 464, halfway to the non-existent 480, rounds to 448 even when not saturating.
 */
public final class Fp8E4M3 {

    public static final float MAX = 448f;
    public static final byte NAN = 0x7F;
    private static final int MANTISSA_BITS = 3;
    private static final int MIN_EXPONENT = -6;
    private static final int MAX_MAGNITUDE = 0x7E;
    private static final float[] VALUES = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            int magnitude = b & 0x7F;
            VALUES[b] = magnitude == 0x7F
                    ? Float.intBitsToFloat((b & 0x80) << 24 | 0x7FC0_0000)
                    : MiniFloat.withSign(b >= 0x80, MiniFloat.widen(magnitude, MANTISSA_BITS, MIN_EXPONENT));
        }
    }

    private Fp8E4M3() {
    }

    /** Encodes with {@link Overflow#SATURATE}. */
    public static byte encode(float f) {
        return encode(f, Overflow.SATURATE);
    }

    /** Encodes; NaN gives S.1111.111 with the input's sign, and overflow follows {@code overflow}. */
    public static byte encode(float f, Overflow overflow) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 24) & 0x80;
        if (Float.isNaN(f)) {
            return (byte) (sign | NAN);
        }
        int magnitude = Float.isInfinite(f)
                ? Integer.MAX_VALUE
                : MiniFloat.roundMagnitude(bits, MANTISSA_BITS, MIN_EXPONENT);
        if (magnitude > MAX_MAGNITUDE) {
            magnitude = overflow == Overflow.SATURATE ? MAX_MAGNITUDE : NAN;
        }
        return (byte) (sign | magnitude);
    }

    /** The exact value; S.1111.111 decodes to a quiet NaN with that sign. */
    public static float decode(byte fp8) {
        return VALUES[fp8 & 0xFF];
    }
}
