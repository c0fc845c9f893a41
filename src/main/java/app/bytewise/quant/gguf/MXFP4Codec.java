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
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float amax = Blocks.maxAbs(x, xo, QK);
            // C's (uint8_t) of a float as x86-64 compiles it: a 32-bit truncating conversion, then the low byte.
            int e = amax > 0f ? Rounding.truncX86(floorLog2(amax) - 2 + 127) & 0xFF : 0;
            float d = halfScale(e);
            out[o] = (byte) e;
            for (int j = 0; j < QK / 2; j++) {
                out[o + 1 + j] = (byte) (bestIndex(x[xo + j], d) | bestIndex(x[xo + QK / 2 + j], d) << 4);
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
     * ggml's {@code best_index_mxfp4}: the smallest |table · d − x|, the first index on a tie (a NaN
     * x or d fails every comparison and gives 0). NVFP4 uses it too.
     */
    static int bestIndex(float x, float d) {
        int best = 0;
        float bestErr = Math.abs(TABLE[0] * d - x);
        for (int i = 1; i < 16; i++) {
            float err = Math.abs(TABLE[i] * d - x);
            if (err < bestErr) {
                best = i;
                bestErr = err;
            }
        }
        return best;
    }
}
