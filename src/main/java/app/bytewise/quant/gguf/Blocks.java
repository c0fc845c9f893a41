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

    /**
     * ggml's block scan {@code if (v < min) min = v; if (v > max) max = v;} from min = FLT_MAX and
     * max = -FLT_MAX (quantize_row_q4_1_ref, q5_1), into {@code mm[0]} and {@code mm[1]}. Floats map
     * to ints that order as they do ({@link #orderKey}), so the scan is an int min/max reduction that
     * vectorizes. The maps differ only where the scan's result depends on order: -0 and +0 are equal
     * to the C scan, which keeps whichever came first, and a NaN is skipped by it. A NaN of either
     * sign ends up as the int minimum or maximum, so both cases show in the result, and then the
     * scan is redone as C does it.
     */
    static void minMax(float[] x, int xo, int n, float[] mm) {
        int lo = orderKey(Float.MAX_VALUE);
        int hi = orderKey(-Float.MAX_VALUE);
        for (int j = xo; j < xo + n; j++) {
            int bits = Float.floatToRawIntBits(x[j]);
            int key = bits ^ (bits >> 31) >>> 1;
            lo = Math.min(lo, key);
            hi = Math.max(hi, key);
        }
        float min = Float.intBitsToFloat(lo ^ (lo >> 31) >>> 1);
        float max = Float.intBitsToFloat(hi ^ (hi >> 31) >>> 1);
        if (min == 0f || max == 0f || Float.isNaN(min) || Float.isNaN(max)) {
            min = Float.MAX_VALUE;
            max = -Float.MAX_VALUE;
            for (int j = xo; j < xo + n; j++) {
                float v = x[j];
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        mm[0] = min;
        mm[1] = max;
    }

    /** Float bits with the magnitude bits of negatives flipped: ints that order as the floats do (-0 below +0). */
    private static int orderKey(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ (bits >> 31) >>> 1;
    }

    private static final int INFINITY_BITS = 0x7F800000;
}
