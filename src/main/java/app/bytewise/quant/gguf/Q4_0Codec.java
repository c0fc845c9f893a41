package app.bytewise.quant.gguf;

/**
 * Q4_0: 32 values as 4-bit codes around 8, one fp16 scale.
 * Block (18 bytes): {@code d:fp16 | qs[16]}; {@code qs[i]} holds element i (low nibble) and i+16 (high).
 * Mirrors ggml's {@code quantize_row_q4_0_ref} / {@code dequantize_row_q4_0}.
 */
public final class Q4_0Codec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 18;

    public Q4_0Codec() {
        super("Q4_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] q = new int[QK]; // codes first, packed after: this loop shape vectorizes
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            // The signed value of largest magnitude (first wins) maps to code 0, i.e. -8·d.
            float d = Blocks.signedMaxAbs(x, xo, QK) / -8f; // all-zero block: -0.0, stored as 0x8000
            float id = d != 0f ? 1f / d : 0f;
            Bytes.putFp16(out, o, d);
            for (int j = 0; j < QK; j++) {
                // Two separate float roundings (x·id, then +8.5) before the truncating cast, as in C.
                q[j] = Math.min(15, (int) (x[xo + j] * id + 8.5f));
            }
            for (int j = 0; j < QK / 2; j++) {
                out[o + 2 + j] = (byte) (q[j] | q[j + QK / 2] << 4);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            for (int j = 0; j < QK / 2; j++) {
                int b = in[o + 2 + j];
                y[yo + j] = (float) ((b & 0x0F) - 8) * d;
                y[yo + QK / 2 + j] = (float) (((b >> 4) & 0x0F) - 8) * d;
            }
        }
    }
}
