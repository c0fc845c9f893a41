package app.bytewise.quant.gguf;

/** Block-level scans shared by several formats. */
final class Blocks {

    /** ggml's GROUP_MAX_EPS: a (sub-)block whose largest |x| is below it counts as all zero. */
    static final float GROUP_MAX_EPS = 1e-15f;

    private Blocks() {
    }

    /**
     * The signed value of largest magnitude in {@code x[xo..xo+n)}, as ggml's scan finds it: only a
     * strictly larger |x| replaces the current one, so on ties the first wins and sets the sign of
     * the scale; an all-zero block (±0 only) gives +0. For non-NaN floats, |x| orders like the
     * integer {@code bits & 0x7fffffff}, so this is an int max reduction (which vectorizes, unlike
     * the branchy float loop) followed by a search for its first occurrence: the same element.
     */
    static float signedMaxAbs(float[] x, int xo, int n) {
        int amax = maxAbsBits(x, xo, n);
        if (amax == 0) {
            return 0f;
        }
        int j = xo;
        while ((Float.floatToRawIntBits(x[j]) & 0x7FFFFFFF) != amax) {
            j++;
        }
        return x[j];
    }

    /** max |x| over {@code x[xo..xo+n)} (+0 for an empty or all-zero block). */
    static float maxAbs(float[] x, int xo, int n) {
        return Float.intBitsToFloat(maxAbsBits(x, xo, n));
    }

    /**
     * The bits of max |x|: for non-negative floats the bit patterns order as the values do. A NaN
     * (bits above infinity's) is skipped, as ggml's {@code if (ax > amax)} never takes one; scales
     * become NaN when a block's values are so large that their squares overflow.
     */
    private static int maxAbsBits(float[] x, int xo, int n) {
        int amax = 0;
        for (int j = xo; j < xo + n; j++) {
            int bits = Float.floatToRawIntBits(x[j]) & 0x7FFFFFFF;
            if (bits <= INFINITY_BITS) {
                amax = Math.max(amax, bits);
            }
        }
        return amax;
    }

    /**
     * max |x| as {@code amax = MAX(amax, fabsf(x[j]))} computes it from amax = +0, with ggml's
     * {@code MAX(a, b) ((a) > (b) ? (a) : (b))} (ggml/src/ggml-impl.h): a comparison with NaN is
     * false, so a NaN replaces the running maximum and the next value replaces the NaN. A block
     * whose last value is NaN gets a NaN maximum; any other NaN discards the values before it.
     */
    static float ggmlMaxAbs(float[] x, int xo, int n) {
        float amax = 0f;
        for (int j = xo; j < xo + n; j++) {
            float a = Math.abs(x[j]);
            amax = amax > a ? amax : a;
        }
        return amax;
    }

    private static final int INFINITY_BITS = 0x7F800000;
}
