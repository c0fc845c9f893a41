package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * Q3_K: 256 values in 16 sub-blocks of 16; signed 3-bit codes (−4..3) with a signed 6-bit scale per
 * sub-block times one fp16 super-scale.
 * Block (110 bytes): {@code hmask[32] | qs[64] | scales[12] | d:fp16}; code bit 2 of element e is bit
 * e/32 of {@code hmask[e%32]}, the low 2 bits are addressed as in Q2_K, scales are packed as in
 * {@link KScales#packQ3}. Value = (d·(u−32))·(q3−4).
 * Mirrors ggml's {@code quantize_row_q3_K_ref} / {@code dequantize_row_q3_K}.
 */
public final class Q3_KCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 110;
    private static final int QS = 32;
    private static final int SCALES = 96;
    private static final int D = 108;

    public Q3_KCodec() {
        super("Q3_K", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] L = new int[QK];
        float[] scales = new float[16];
        int[] u = new int[16];
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            for (int j = 0; j < 16; j++) {
                scales[j] = KQuantSearch.q3quant(16, 4, x, xo + 16 * j, L, 16 * j);
            }
            float maxScale = Blocks.signedMaxAbs(scales, 0, 16);
            if (maxScale != 0f) {
                // The dominant sub-block gets -32; ggml squeezes the rounded value through int8 first.
                float iscale = -32f / maxScale;
                for (int j = 0; j < 16; j++) {
                    int l = (byte) nearestInt(iscale * scales[j]);
                    u[j] = Math.max(-32, Math.min(31, l)) + 32;
                }
                KScales.packQ3(out, o + SCALES, u);
                Bytes.putFp16(out, o + D, 1f / iscale);
            }
            float d = Bytes.getFp16(out, o + D);
            for (int j = 0; j < 16; j++) {
                float dl = d * (KScales.q3(out, o + SCALES, j) - 32);
                if (dl == 0f) {
                    continue;
                }
                for (int i = 16 * j; i < 16 * j + 16; i++) {
                    L[i] = Math.max(-4, Math.min(3, nearestInt(x[xo + i] / dl))) + 4;
                }
            }
            for (int e = 0; e < QK; e++) {
                int l = L[e];
                if (l > 3) {
                    out[o + (e & 31)] |= (byte) (1 << (e >> 5));
                    L[e] = l - 4;
                }
            }
            for (int n = 0; n < 2; n++) {
                int lb = 128 * n;
                for (int l = 0; l < 32; l++) {
                    out[o + QS + 32 * n + l] = (byte) (L[lb + l] | L[lb + l + 32] << 2
                            | L[lb + l + 64] << 4 | L[lb + l + 96] << 6);
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o + D);
            for (int j = 0; j < 16; j++) {
                float dl = d * (KScales.q3(in, o + SCALES, j) - 32);
                for (int e = 16 * j; e < 16 * j + 16; e++) {
                    int r = e & 127;
                    int low = (in[o + QS + 32 * (e >> 7) + (r & 31)] >> (2 * (r >> 5))) & 3;
                    int high = (in[o + (e & 31)] >> (e >> 5)) & 1;
                    y[yo + e] = dl * (low + 4 * high - 4);
                }
            }
        }
    }
}
