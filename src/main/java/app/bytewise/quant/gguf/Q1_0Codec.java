package app.bytewise.quant.gguf;

/**
 * Q1_0 (GGUF type 41): 128 values as their signs under one fp16 scale, the mean of |x|.
 * Block (18 bytes): {@code d:fp16 | qs[16]}; bit {@code j % 8} of {@code qs[j / 8]} is 1 for
 * element j ≥ 0 (decoded as +d) and 0 otherwise (−d).
 * Mirrors ggml's {@code quantize_row_q1_0_ref} / {@code dequantize_row_q1_0} (ggml/src/ggml-quants.c).
 */
public final class Q1_0Codec extends GgmlBlockCodec {

    static final int QK = 128;
    static final int BYTES = 18;

    public Q1_0Codec() {
        super("Q1_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            // A running float sum in element order, as C's loop adds it (no reassociation allowed);
            // a NaN makes it, and so d, NaN; an infinity makes d +inf.
            float sumAbs = 0f;
            for (int j = 0; j < QK; j++) {
                sumAbs += Math.abs(x[xo + j]);
            }
            Bytes.putFp16(out, o, sumAbs / QK);
            for (int j = 0; j < QK; j++) {
                // x >= 0.0f: -0.0 counts as non-negative, NaN (comparison false) as negative.
                if (x[xo + j] >= 0f) {
                    out[o + 2 + j / 8] |= (byte) (1 << (j % 8));
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            float negD = -d; // a sign flip, as C's unary minus (so also for NaN and 0)
            for (int j = 0; j < QK; j++) {
                y[yo + j] = ((in[o + 2 + j / 8] >> (j % 8)) & 1) != 0 ? d : negD;
            }
        }
    }
}
