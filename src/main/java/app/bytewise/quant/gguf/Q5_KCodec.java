package app.bytewise.quant.gguf;

/**
 * Q5_K: 256 values in 8 sub-blocks of 32; 5-bit codes with a 6-bit scale and 6-bit min per
 * sub-block, both multiplied by fp16 super-scales.
 * Block (176 bytes): {@code d:fp16 | dmin:fp16 | scales[12] | qh[32] | qs[128]}; scales and low
 * nibbles as in Q4_K; bit 4 of element e is bit e/32 of {@code qh[e%32]}.
 * Value = (d·sc)·q − dmin·m.
 * Mirrors ggml's {@code quantize_row_q5_K_ref} / {@code dequantize_row_q5_K}.
 */
public final class Q5_KCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 176;
    private static final int SCALES = 4;
    private static final int QH = 16;
    private static final int QS = 48;

    public Q5_KCodec() {
        super("Q5_K", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        KScaleMinEncoder enc = new KScaleMinEncoder(31, -0.5f, 0.1f, 15);
        int[] L = enc.codes;
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            enc.encode(x, xo, out, o, o + SCALES);
            for (int c = 0; c < 4; c++) {
                int lb = 64 * c;
                for (int l = 0; l < 32; l++) {
                    int l1 = L[lb + l];
                    int l2 = L[lb + l + 32];
                    out[o + QS + 32 * c + l] = (byte) ((l1 & 0x0F) | (l2 & 0x0F) << 4);
                    out[o + QH + l] |= (byte) ((l1 >> 4) << (2 * c) | (l2 >> 4) << (2 * c + 1));
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            float dmin = Bytes.getFp16(in, o + 2);
            for (int j = 0; j < 8; j++) {
                float dl = d * KScales.scale(in, o + SCALES, j);
                float ml = dmin * KScales.min(in, o + SCALES, j);
                int qo = o + QS + 32 * (j >> 1);
                int shift = 4 * (j & 1);
                int e0 = yo + 32 * j;
                for (int l = 0; l < 32; l++) {
                    int q = ((in[qo + l] >> shift) & 0x0F) | ((in[o + QH + l] >> j) & 1) << 4;
                    y[e0 + l] = dl * q - ml;
                }
            }
        }
    }
}
