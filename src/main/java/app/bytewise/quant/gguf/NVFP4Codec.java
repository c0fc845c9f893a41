package app.bytewise.quant.gguf;

/**
 * NVFP4 as GGUF stores it (type 40, {@code block_nvfp4} in ggml/src/ggml-common.h): 64 values as
 * 4-bit E2M1 codes in four sub-blocks of 16, each under its own unsigned E4M3 scale. Block
 * (36 bytes): {@code d[4]:UE4M3 | qs[32]}; sub-block s owns {@code d[s]} and {@code qs[8s .. 8s+8)},
 * its element j in the low nibble of {@code qs[8s + j]} and its element j + 8 in the high one. The
 * codes index ggml's {@code kvalues_fp4} (E2M1 doubled, the MXFP4 table), and the scale is read back
 * halved ({@code ggml_ue4m3_to_fp32}, ggml/src/ggml-impl.h), so a value is {@code table · d / 2}:
 * exactly E2M1 · UE4M3.
 * Mirrors ggml's {@code quantize_row_nvfp4_ref} / {@code dequantize_row_nvfp4}
 * (ggml/src/ggml-quants.c): per sub-block {@code d = ggml_fp32_to_ue4m3(amax / 6)} (ggml-impl.h),
 * each value the nearest table entry ({@code best_index_mxfp4}, the first on a tie). There is no
 * tensor-wide second scale as in NVIDIA's two-level NVFP4: ggml's block stands alone.
 */
public final class NVFP4Codec extends GgmlBlockCodec {

    static final int QK = 64;
    static final int SUB = 16;
    static final int BYTES = 36;
    private static final int SCALES = QK / SUB;

    public NVFP4Codec() {
        super("NVFP4", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] idx = new int[SUB];
        float[] prev = new float[SUB];
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            for (int s = 0, xb = xo; s < SCALES; s++, xb += SUB) {
                // 6 is E2M1's largest value: amax / 6 is the scale that maps it onto amax.
                int ue = toUe4m3(Blocks.maxAbs(x, xb, SUB) / 6.0f);
                out[o + s] = (byte) ue;
                float d = halfScale(ue);
                int q = o + SCALES + s * (SUB / 2);
                MXFP4Codec.bestIndices(x, xb, SUB, d, idx, prev);
                for (int j = 0; j < SUB / 2; j++) {
                    out[q + j] = (byte) (idx[j] | idx[SUB / 2 + j] << 4);
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        float[] table = MXFP4Codec.TABLE;
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            for (int s = 0, yb = yo; s < SCALES; s++, yb += SUB) {
                float d = halfScale(in[o + s] & 0xFF);
                int q = o + SCALES + s * (SUB / 2);
                for (int j = 0; j < SUB / 2; j++) {
                    int b = in[q + j];
                    y[yb + j] = table[b & 0x0F] * d;
                    y[yb + SUB / 2 + j] = table[(b >> 4) & 0x0F] * d;
                }
            }
        }
    }

    /**
     * {@code ggml_ue4m3_to_fp32}: half the UE4M3 value (bias 7, subnormals man · 2⁻⁹). Only 0 and
     * 0x7F (E4M3's NaN) are tested on the whole byte; the top bit is otherwise ignored, so a byte
     * ggml never writes (≥ 0x80) still decodes as ggml decodes it. Every step is exact in float.
     */
    static float halfScale(int x) {
        if (x == 0 || x == 0x7F) {
            return 0f;
        }
        int exp = (x >> 3) & 0xF;
        int man = x & 0x7;
        float raw = exp == 0 ? Math.scalb((float) man, -9) : Math.scalb(1.0f + (float) man / 8.0f, exp - 7);
        return raw * 0.5f;
    }

    /**
     * {@code ggml_fp32_to_ue4m3}, step for step: zero for anything not above 0 (NaN included),
     * clamped to 448, then rounded on the fp32 bits by the single bit below the kept three (half
     * rounds up, not to even). Subnormals round {@code (int)(x·512 + 0.5)} into 1..7. Any exponent
     * of 15 gives 0x7E (448), so scales from 256 up all become 448, as in ggml.
     */
    static int toUe4m3(float value) {
        if (!(value > 0.0f)) {
            return 0;
        }
        float x = value > 448.0f ? 448.0f : value;
        int bits = Float.floatToRawIntBits(x);
        int exp = ((bits >>> 23) & 0xFF) - 127 + 7;
        if (exp <= 0) {
            int man = (int) (x * 512.0f + 0.5f); // x < 2⁻⁶: no overflow, and C's cast truncates too
            if (man > 7) {
                man = 7;
            }
            return man < 1 ? 0 : man;
        }
        if (exp >= 15) {
            return 0x7E;
        }
        int man = ((bits >>> 20) & 0x7) + ((bits >>> 19) & 1);
        if (man > 7) {
            man = 0;
            exp++;
            if (exp >= 15) {
                return 0x7E;
            }
        }
        return exp << 3 | man;
    }
}
