package app.bytewise.quant.gguf;

/**
 * Q5_1: 32 values as 5-bit codes with an fp16 scale and an fp16 offset (the block minimum).
 * Block (24 bytes): {@code d:fp16 | m:fp16 | qh[4] | qs[16]}, bits laid out as in Q5_0.
 * Mirrors ggml's {@code quantize_row_q5_1_ref} / {@code dequantize_row_q5_1}.
 */
public final class Q5_1Codec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 24;

    public Q5_1Codec() {
        super("Q5_1", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] q = new int[QK]; // codes first, packed after: this loop shape vectorizes
        float[] mm = new float[2];
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            Blocks.minMax(x, xo, QK, mm);
            float min = mm[0];
            float max = mm[1];
            float d = (max - min) / 31f;
            float id = d != 0f ? 1f / d : 0f;
            Bytes.putFp16(out, o, d);
            Bytes.putFp16(out, o + 2, min);
            for (int j = 0; j < QK; j++) {
                // ggml does not clamp here (a uint8 cast only): (x - min)·id stays within 0..31.
                q[j] = (int) ((x[xo + j] - min) * id + 0.5f) & 0xFF;
            }
            int qh = 0;
            for (int j = 0; j < QK / 2; j++) {
                int q0 = q[j];
                int q1 = q[j + QK / 2];
                out[o + 8 + j] = (byte) ((q0 & 0x0F) | (q1 & 0x0F) << 4);
                qh |= ((q0 >> 4) & 1) << j | ((q1 >> 4) & 1) << (j + QK / 2);
            }
            Bytes.putInt(out, o + 4, qh);
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            float m = Bytes.getFp16(in, o + 2);
            int qh = Bytes.getInt(in, o + 4);
            for (int j = 0; j < QK / 2; j++) {
                int b = in[o + 8 + j];
                int q0 = (b & 0x0F) | ((qh >>> j) & 1) << 4;
                int q1 = ((b >> 4) & 0x0F) | ((qh >>> (j + QK / 2)) & 1) << 4;
                y[yo + j] = (float) q0 * d + m;
                y[yo + QK / 2 + j] = (float) q1 * d + m;
            }
        }
    }
}
