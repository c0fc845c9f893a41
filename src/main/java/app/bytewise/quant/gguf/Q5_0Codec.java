package app.bytewise.quant.gguf;

/**
 * Q5_0: 32 values as 5-bit codes around 16, one fp16 scale.
 * Block (22 bytes): {@code d:fp16 | qh[4] | qs[16]}; {@code qh} is a little-endian uint32 whose bit j
 * is bit 4 of element j; {@code qs} holds the low 4 bits in Q4_0's nibble order.
 * Mirrors ggml's {@code quantize_row_q5_0_ref} / {@code dequantize_row_q5_0}.
 */
public final class Q5_0Codec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 22;

    public Q5_0Codec() {
        super("Q5_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] q = new int[QK]; // codes first, packed after: this loop shape vectorizes
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float d = Blocks.signedMaxAbs(x, xo, QK) / -16f;
            float id = d != 0f ? 1f / d : 0f;
            Bytes.putFp16(out, o, d);
            for (int j = 0; j < QK; j++) {
                q[j] = Math.min(31, (int) (x[xo + j] * id + 16.5f));
            }
            int qh = 0;
            for (int j = 0; j < QK / 2; j++) {
                int q0 = q[j];
                int q1 = q[j + QK / 2];
                out[o + 6 + j] = (byte) ((q0 & 0x0F) | (q1 & 0x0F) << 4);
                qh |= (q0 >> 4) << j | (q1 >> 4) << (j + QK / 2);
            }
            Bytes.putInt(out, o + 2, qh);
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            int qh = Bytes.getInt(in, o + 2);
            for (int j = 0; j < QK / 2; j++) {
                int b = in[o + 6 + j];
                int q0 = (b & 0x0F) | ((qh >>> j) & 1) << 4;
                int q1 = ((b >> 4) & 0x0F) | ((qh >>> (j + QK / 2)) & 1) << 4;
                y[yo + j] = (float) (q0 - 16) * d;
                y[yo + QK / 2 + j] = (float) (q1 - 16) * d;
            }
        }
    }
}
