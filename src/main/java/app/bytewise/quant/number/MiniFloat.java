package app.bytewise.quant.number;

/**
 * The arithmetic every format here shares: a float32 rounded to a binary format with fewer
 * exponent and mantissa bits, and such a format's finite codes widened back.
 *
 * <p>A format is described by its mantissa bits and the exponent of its smallest normal value
 * ({@code minExponent = 1 - bias}); below that it has subnormals with the same spacing.
 */
final class MiniFloat {

    private MiniFloat() {
    }

    /**
     * Rounds |f| to nearest, ties to even, and returns the magnitude bits (exponent field, then
     * mantissa). A result past the largest exponent is returned as is; each format decides what
     * overflow means. {@code bits} must be a finite float32 (the sign is ignored).
     */
    static int roundMagnitude(int bits, int mantissaBits, int minExponent) {
        int field = (bits >>> 23) & 0xFF;
        int significand = bits & 0x7F_FFFF;
        int exponent = -126; // float32 subnormals share the smallest normal exponent
        if (field != 0) {
            significand |= 0x80_0000;
            exponent = field - 127;
        }
        // |f| = significand * 2^(exponent - 23); the target's ulp is 2^(max(exponent, minExponent) - mantissaBits)
        int target = Math.max(exponent, minExponent);
        int shift = 23 - mantissaBits + (target - exponent);
        if (shift > 24) {
            return 0; // under half the smallest subnormal: significand < 2^24 <= the half ulp
        }
        // Round to nearest, ties to even, without a data-dependent branch: adding half an ulp less
        // one, plus the kept part's lowest bit, carries exactly when the rest is over half, or half
        // with an odd kept part (the bias trick of half-precision converters). No overflow: the
        // significand is below 2^24 and half an ulp at most 2^23.
        int units = (significand + (1 << (shift - 1)) - 1 + ((significand >>> shift) & 1)) >>> shift;
        // units counts target ulps including the implicit bit, so adding it to the exponent field
        // carries a round-up into the next binade (and a subnormal into the smallest normal)
        return ((target - minExponent) << mantissaBits) + units;
    }

    /** The value of a finite magnitude code; exact, since every such value is a float32. */
    static float widen(int magnitude, int mantissaBits, int minExponent) {
        int field = magnitude >>> mantissaBits;
        int fraction = magnitude & ((1 << mantissaBits) - 1);
        if (field == 0) {
            return Math.scalb((float) fraction, minExponent - mantissaBits);
        }
        return Math.scalb((float) ((1 << mantissaBits) | fraction), field - 1 + minExponent - mantissaBits);
    }

    /** Applies a sign bit by bits, so that a zero keeps it. */
    static float withSign(boolean negative, float magnitude) {
        return negative ? Float.intBitsToFloat(Float.floatToRawIntBits(magnitude) | 0x8000_0000) : magnitude;
    }
}
