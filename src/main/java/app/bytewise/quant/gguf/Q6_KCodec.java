package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * Q6_K: 256 values in 16 sub-blocks of 16; 6-bit codes (−32..31) with a signed 8-bit scale per
 * sub-block times one fp16 super-scale.
 * Block (210 bytes): {@code ql[128] | qh[64] | scales[16] (int8) | d:fp16}; for e = 128n + 32k + l
 * the low 4 bits are in {@code ql[64n + l + 32(k&1)]} (low nibble for k < 2), the high 2 bits at bit
 * 2k of {@code qh[32n + l]}. Value = (d·scale)·(q−32).
 * Mirrors ggml's {@code quantize_row_q6_K_ref} / {@code dequantize_row_q6_K}.
 */
public final class Q6_KCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 210;
    private static final int QH = 128;
    private static final int SCALES = 192;
    private static final int D = 208;

    public Q6_KCodec() {
        super("Q6_K", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] L = new int[QK];
        float[] scales = new float[16];
        KQuantSearch search = new KQuantSearch();
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            for (int j = 0; j < 16; j++) {
                scales[j] = search.qxquant(16, 32, x, xo + 16 * j, L, 16 * j);
            }
            float maxScale = Blocks.signedMaxAbs(scales, 0, 16);
            if (Math.abs(maxScale) < Blocks.GROUP_MAX_EPS) {
                continue; // ggml zeroes the whole block; the output buffer already is
            }
            // The dominant sub-block gets scale -128, so d takes the opposite sign of its fit.
            float iscale = -128f / maxScale;
            Bytes.putFp16(out, o + D, 1f / iscale);
            for (int j = 0; j < 16; j++) {
                out[o + SCALES + j] = (byte) Math.min(127, nearestInt(iscale * scales[j]));
            }
            float d = Bytes.getFp16(out, o + D);
            for (int j = 0; j < 16; j++) {
                float dl = d * out[o + SCALES + j];
                if (dl == 0f) {
                    continue;
                }
                for (int i = 16 * j; i < 16 * j + 16; i++) {
                    L[i] = Math.max(-32, Math.min(31, nearestInt(x[xo + i] / dl))) + 32;
                }
            }
            for (int n = 0; n < 2; n++) {
                int lb = 128 * n;
                int ql = o + 64 * n;
                int qh = o + QH + 32 * n;
                for (int l = 0; l < 32; l++) {
                    int q1 = L[lb + l];
                    int q2 = L[lb + l + 32];
                    int q3 = L[lb + l + 64];
                    int q4 = L[lb + l + 96];
                    out[ql + l] = (byte) ((q1 & 0x0F) | (q3 & 0x0F) << 4);
                    out[ql + l + 32] = (byte) ((q2 & 0x0F) | (q4 & 0x0F) << 4);
                    out[qh + l] = (byte) ((q1 >> 4) | (q2 >> 4) << 2 | (q3 >> 4) << 4 | (q4 >> 4) << 6);
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o + D);
            for (int j = 0; j < 16; j++) {
                float dl = d * in[o + SCALES + j];
                for (int e = 16 * j; e < 16 * j + 16; e++) {
                    int n = e >> 7;
                    int k = (e >> 5) & 3;
                    int l = e & 31;
                    int low = (in[o + 64 * n + l + 32 * (k & 1)] >> (4 * (k >> 1))) & 0x0F;
                    int high = (in[o + QH + 32 * n + l] >> (2 * k)) & 3;
                    y[yo + e] = dl * ((low | high << 4) - 32);
                }
            }
        }
    }
}
