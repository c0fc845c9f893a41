package app.bytewise.quant.gguf;

/**
 * Q4_1: 32 values as 4-bit codes with an fp16 scale and an fp16 offset (the block minimum).
 * Block (20 bytes): {@code d:fp16 | m:fp16 | qs[16]}, same nibble order as Q4_0.
 * Mirrors ggml's {@code quantize_row_q4_1_ref} / {@code dequantize_row_q4_1}.
 */
public final class Q4_1Codec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 20;

    public Q4_1Codec() {
        super("Q4_1", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        float[] mm = new float[2];
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            Blocks.minMax(x, xo, QK, mm);
            float min = mm[0];
            float max = mm[1];
            float d = (max - min) / 15f;
            float id = d != 0f ? 1f / d : 0f;
            Bytes.putFp16(out, o, d);
            Bytes.putFp16(out, o + 2, min);
            for (int j = 0; j < QK / 2; j++) {
                int lo = Math.min(15, (int) ((x[xo + j] - min) * id + 0.5f));
                int hi = Math.min(15, (int) ((x[xo + QK / 2 + j] - min) * id + 0.5f));
                out[o + 4 + j] = (byte) (lo | hi << 4);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            float m = Bytes.getFp16(in, o + 2);
            for (int j = 0; j < QK / 2; j++) {
                int b = in[o + 4 + j];
                y[yo + j] = (float) (b & 0x0F) * d + m;
                y[yo + QK / 2 + j] = (float) ((b >> 4) & 0x0F) * d + m;
            }
        }
    }
}
