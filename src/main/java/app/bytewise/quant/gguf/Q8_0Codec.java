package app.bytewise.quant.gguf;

/**
 * Q8_0: 32 values as signed 8-bit codes, one fp16 scale.
 * Block (34 bytes): {@code d:fp16 | qs[32] (int8)}.
 * Mirrors ggml's {@code quantize_row_q8_0_ref} / {@code dequantize_row_q8_0}.
 */
public final class Q8_0Codec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 34;

    public Q8_0Codec() {
        super("Q8_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float d = Blocks.maxAbs(x, xo, QK) / 127f; // beyond fp16 range this is stored as +Inf, as in ggml
            float id = d != 0f ? 1f / d : 0f;
            Bytes.putFp16(out, o, d);
            for (int j = 0; j < QK; j++) {
                out[o + 2 + j] = (byte) Rounding.roundHalfAway(x[xo + j] * id);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            for (int j = 0; j < QK; j++) {
                y[yo + j] = (float) in[o + 2 + j] * d;
            }
        }
    }
}
