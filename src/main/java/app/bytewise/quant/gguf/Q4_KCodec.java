package app.bytewise.quant.gguf;

/**
 * Q4_K: 256 values in 8 sub-blocks of 32; 4-bit codes with a 6-bit scale and 6-bit min per
 * sub-block, both multiplied by fp16 super-scales.
 * Block (144 bytes): {@code d:fp16 | dmin:fp16 | scales[12] | qs[128]}; scales/mins packed as in
 * {@link KScales#packScaleMin}; {@code qs[32c + l]} holds element 64c+l (low nibble) and 64c+32+l
 * (high). Value = (d·sc)·q − dmin·m.
 * Mirrors ggml's {@code quantize_row_q4_K_ref} / {@code dequantize_row_q4_K}.
 */
public final class Q4_KCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 144;
    private static final int SCALES = 4;
    private static final int QS = 16;

    public Q4_KCodec() {
        super("Q4_K", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        KScaleMinEncoder enc = new KScaleMinEncoder(15, -1f, 0.1f, 20);
        int[] L = enc.codes;
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            enc.encode(x, xo, out, o, o + SCALES);
            for (int c = 0; c < 4; c++) {
                int lb = 64 * c;
                for (int l = 0; l < 32; l++) {
                    out[o + QS + 32 * c + l] = (byte) (L[lb + l] | L[lb + l + 32] << 4);
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
                    y[e0 + l] = dl * ((in[qo + l] >> shift) & 0x0F) - ml;
                }
            }
        }
    }
}
