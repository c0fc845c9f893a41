package app.bytewise.quant.gguf;

/**
 * TQ2_0 (GGUF type 35, ternary models such as BitNet b1.58 and TriLMs): 256 values as trits
 * (−1, 0, +1) times one fp16 scale, the block's max |x|, in 2 bits each.
 * Block (66 bytes): {@code qs[64] | d:fp16}; bits {@code 2l} of {@code qs[32h + m]} hold
 * element {@code 128h + 32l + m} as t + 1 (0, 1, 2; 3 is never written and decodes as +2·d).
 * Mirrors ggml's {@code quantize_row_tq2_0_ref} / {@code dequantize_row_tq2_0} (ggml/src/ggml-quants.c).
 */
public final class TQ2_0Codec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 66;
    private static final int D = 64;

    public TQ2_0Codec() {
        super("TQ2_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float d = Blocks.ggmlMaxAbs(x, xo, QK);
            float id = d != 0f ? 1f / d : 0f; // C's `d ? 1.0f/d : 0.0f`: a NaN d is true, id NaN
            Bytes.putFp16(out, o + D, d);
            for (int h = 0; h < 2; h++) {
                for (int m = 0; m < 32; m++) {
                    int q = 0;
                    for (int l = 0; l < 4; l++) {
                        q += (trit(x[xo + 128 * h + 32 * l + m], id) & 3) << (2 * l);
                    }
                    out[o + 32 * h + m] = (byte) q;
                }
            }
        }
    }

    /**
     * ggml's {@code int xi = lroundf(x * id) + 1}: x·id rounded in float, rounded half away from
     * zero to a long, plus one, kept to int. |x| ≤ d makes it 0, 1 or 2; where x·id is NaN or
     * ±inf (a NaN in the block, an infinite d times an infinite x, or d < 2^-128 so that id is
     * +inf), lroundf gives LONG_MIN and the int of LONG_MIN + 1 is 1, the code of 0.
     */
    static int trit(float x, float id) {
        return (int) (Rounding.lroundf(x * id) + 1);
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, o += BYTES) {
            float d = Bytes.getFp16(in, o + D);
            for (int h = 0; h < 2; h++) {
                for (int l = 0; l < 4; l++) {
                    for (int m = 0; m < 32; m++) {
                        int q = (in[o + 32 * h + m] >> (2 * l)) & 3;
                        y[yo++] = (float) (q - 1) * d;
                    }
                }
            }
        }
    }
}
