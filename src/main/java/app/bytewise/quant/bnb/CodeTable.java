package app.bytewise.quant.bnb;

/**
 * A step function from float to 4-bit code, evaluated without branches: the hot path of every
 * bitsandbytes mapping.
 *
 * <p>All of them are step functions of the scaled value. The CUDA trees ({@code dQuantizeNF4},
 * {@code dQuantizeFP4}) are balanced binary searches over ascending pivots with strict {@code >}
 * tests, so the leaf is fixed by how many pivots lie below the value; {@code torch.bucketize(s,
 * bounds, right=False)} is by definition the number of bounds below {@code s}. NaN fails every
 * test and gets the lowest step in both (code 0 for every mapping here).
 *
 * <p>Walking a tree mispredicts about every other branch on real weights. Instead the float is
 * mapped to an int of the same order ({@link #key}) and the top 12 bits pick a bucket; each bucket
 * holds the code at its start, and, when a step falls inside it, the step's key and the code
 * change there. A bucket may hold at most one step, which {@link #of} checks.
 *
 * @param step per bucket, the last key still at the bucket's first code (the bucket's last key if
 *     it has no step)
 * @param code per bucket, the code at its first key
 * @param change per bucket, the code past the step minus {@code code}
 */
record CodeTable(int[] step, byte[] code, byte[] change) {

    private static final int SHIFT = 20;
    private static final int BUCKETS = 1 << (32 - SHIFT);
    /** Buckets holding only -Inf and negative NaNs (0..7), or +Inf and positive NaNs (the last 8). */
    private static final int NON_FINITE_BUCKETS = 8;

    /**
     * @param cuts ascending keys; the code steps up past each, see {@link #above}, {@link #atOrAbove}
     * @param codes the code below the first cut, then after each cut ({@code cuts.length + 1} codes)
     */
    static CodeTable of(int[] cuts, int[] codes) {
        if (codes.length != cuts.length + 1) {
            throw new IllegalArgumentException("need one more code than cuts");
        }
        int[] step = new int[BUCKETS];
        byte[] code = new byte[BUCKETS];
        byte[] change = new byte[BUCKETS];
        int passed = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int first = (b ^ (BUCKETS / 2)) << SHIFT;
            int last = first + (1 << SHIFT) - 1;
            while (passed < cuts.length && cuts[passed] < first) {
                passed++;
            }
            code[b] = (byte) codes[passed];
            step[b] = last;
            if (passed < cuts.length && cuts[passed] < last) {
                if (passed + 1 < cuts.length && cuts[passed + 1] < last) {
                    throw new IllegalArgumentException("two steps in one bucket near key " + cuts[passed]);
                }
                if (b < NON_FINITE_BUCKETS || b >= BUCKETS - NON_FINITE_BUCKETS) {
                    throw new IllegalArgumentException("a step among the non-finite keys");
                }
                step[b] = cuts[passed];
                change[b] = (byte) (codes[passed + 1] - codes[passed]);
            }
        }
        // NaN takes code 0. ±Inf shares these buckets with NaNs but never reaches the fast path.
        for (int b = 0; b < NON_FINITE_BUCKETS; b++) {
            code[b] = 0;
            code[BUCKETS - 1 - b] = 0;
            change[b] = 0;
            change[BUCKETS - 1 - b] = 0;
        }
        return new CodeTable(step, code, change);
    }

    /** The code of a value that is not infinite (NaN is fine). */
    int code(float s) {
        int k = key(s);
        int b = (k >>> SHIFT) ^ (BUCKETS / 2);
        // step - k is negative exactly past the step; both lie in one bucket, so it cannot overflow
        return code[b] + (((step[b] - k) >> 31) & change[b]);
    }

    /** The code of any value; infinities go where the largest finite values go. */
    int codeOfAny(float s) {
        return code(Float.isInfinite(s) ? Math.copySign(Float.MAX_VALUE, s) : s);
    }

    /**
     * Float bits to an int with the same order: negative floats have their magnitude bits
     * inverted. -0.0 lands just below +0.0, which {@link #above} and {@link #atOrAbove} allow for.
     */
    static int key(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits ^ ((bits >> 31) & 0x7FFF_FFFF);
    }

    /** The cut at which {@code s > t} starts. */
    static int above(float t) {
        return t == 0 ? key(0f) : key(t); // -0.0 > -0.0 is false, as for +0.0
    }

    /** The cut at which {@code s >= t} starts. */
    static int atOrAbove(float t) {
        return (t == 0 ? key(-0f) : key(t)) - 1;
    }
}
