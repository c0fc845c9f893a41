package app.bytewise.quant.gguf;

/**
 * MXFP4 as GGUF stores it (type 39, gpt-oss's expert weights): 32 values as 4-bit E2M1 codes
 * under one shared power-of-two scale. Block (17 bytes): {@code e:E8M0 | qs[16]}, element i in the
 * low nibble of {@code qs[i]} and element i + 16 in the high one. The table is ggml's
 * {@code kvalues_mxfp4} (E2M1 doubled: 0, 1, 2, 3, 4, 6, 8, 12 and their negatives) and the scale
 * read back is half of 2^(e − 127) ({@code ggml_e8m0_to_fp32_half}), so a value is
 * {@code table · 2^(e − 128)}: exactly the OCP MX value E2M1 · 2^(e − 127).
 * Mirrors ggml's {@code quantize_row_mxfp4_ref} / {@code dequantize_row_mxfp4} (ggml/src/ggml-quants.c):
 * {@code e = floor(log2(amax)) − 2 + 127}, each value the nearest table entry (the first on a tie).
 */
public final class MXFP4Codec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 17;
    /** ggml's {@code kvalues_fp4} (ggml/src/ggml-common.h), shared with {@link NVFP4Codec} as in ggml. */
    static final float[] TABLE = {0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12};

    public MXFP4Codec() {
        super("MXFP4", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] idx = new int[QK];
        float[] prev = new float[QK];
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float amax = Blocks.maxAbs(x, xo, QK);
            // C's (uint8_t) of a float as x86-64 compiles it: a 32-bit truncating conversion, then the low byte.
            int e = amax > 0f ? Rounding.truncX86(floorLog2(amax) - 2 + 127) & 0xFF : 0;
            float d = halfScale(e);
            out[o] = (byte) e;
            bestIndices(x, xo, QK, d, idx, prev);
            for (int j = 0; j < QK / 2; j++) {
                out[o + 1 + j] = (byte) (idx[j] | idx[QK / 2 + j] << 4);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = halfScale(in[o] & 0xFF);
            for (int j = 0; j < QK / 2; j++) {
                int b = in[o + 1 + j];
                y[yo + j] = TABLE[b & 0x0F] * d;
                y[yo + QK / 2 + j] = TABLE[(b >> 4) & 0x0F] * d;
            }
        }
    }

    /**
     * {@code floorf(log2f(amax))} in float: log2 in double rounded to float, as a correctly rounded
     * log2f gives (glibc's is, for these arguments), so a value just under a power of two that
     * rounds up to it floors to that power, as in C.
     */
    private static float floorLog2(float amax) {
        return (float) Math.floor((float) (Math.log(amax) / Math.log(2)));
    }

    /** {@code ggml_e8m0_to_fp32_half}: 2^(e − 128), the two smallest as subnormals. */
    static float halfScale(int e) {
        int bits = e < 2 ? 0x00200000 << e : (e - 1) << 23;
        return Float.intBitsToFloat(bits);
    }

    /**
     * {@link #bestIndex} of {@code x[xo..xo+n)} into {@code idx[0..n)}, for all values at once:
     * the errors |t_i·d − |x|| along the table's non-negative half are rounded differences of a
     * non-decreasing sequence (t_i·d and then −|x| round monotonically), so they fall and then rise,
     * and the first minimum's index is the number of strict falls. Counted branch-free over the
     * values (loops that vectorize), with the sign of a fall read from the float difference, which
     * for finite errors is negative exactly when the error fell. Blocks with a non-finite value or
     * product take the scalar search. {@code prev} is scratch of length n (it holds |x|).
     */
    static void bestIndices(float[] x, int xo, int n, float d, int[] idx, float[] prev) {
        boolean finite = Float.isFinite(TABLE[7] * d);
        for (int j = 0; j < n; j++) {
            float a = Math.abs(x[xo + j]);
            finite &= a < Float.POSITIVE_INFINITY; // false for NaN too
            prev[j] = a;
            idx[j] = 0;
        }
        if (!finite) {
            for (int j = 0; j < n; j++) {
                idx[j] = bestIndex(x[xo + j], d);
            }
            return;
        }
        for (int i = 1; i < 8; i++) {
            float p = TABLE[i] * d;
            float q = TABLE[i - 1] * d;
            for (int j = 0; j < n; j++) {
                float v = prev[j];
                // non-negative floats order as their bits do; the int difference is negative on a fall
                idx[j] += Float.floatToRawIntBits(Math.abs(p - v)) - Float.floatToRawIntBits(Math.abs(q - v)) >>> 31;
            }
        }
        for (int j = 0; j < n; j++) {
            int k = idx[j];
            // x < 0 takes the negative twin, 8 + k, except for entry 0 (and −0 gives k = 0)
            idx[j] = k + ((Float.floatToRawIntBits(x[xo + j]) >>> 31 & (k + 7) >> 3) << 3);
        }
    }

    /**
     * ggml's {@code best_index_mxfp4}: the smallest |table · d − x|, the first index on a tie (a NaN
     * x or d fails every comparison and gives 0). NVFP4 uses it too.
     * Only the non-negative half of the table is scanned, at |x|: with d ≥ 0, (−t)·d − x is exactly
     * −(t·d − |x|) for x < 0, so entry 8 + i has the error entry i has at |x|, and for x ≥ 0 a
     * negative entry's error t·d + x is never below its positive twin's; either way the twin that
     * can win comes first in the table's order within its half, so the first minimum is the same.
     */
    static int bestIndex(float x, float d) {
        float a = Math.abs(x);
        int best = 0;
        float bestErr = Math.abs(TABLE[0] * d - a); // NaN when d is: then nothing beats it, as in C
        for (int i = 1; i < 8; i++) {
            float err = Math.abs(TABLE[i] * d - a);
            boolean better = err < bestErr;
            best = better ? i : best;
            bestErr = better ? err : bestErr;
        }
        return x < 0f && best != 0 ? best + 8 : best;
    }
}
