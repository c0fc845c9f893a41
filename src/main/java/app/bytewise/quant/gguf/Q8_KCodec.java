package app.bytewise.quant.gguf;

/**
 * Q8_K: 256 values as signed 8-bit codes with a float32 scale and 16-value partial sums; ggml uses it
 * only as the activation side of k-quant dot products, never in model files.
 * Block (292 bytes): {@code d:float32 | qs[256] (int8) | bsums[16] (int16)}.
 * Mirrors ggml's {@code quantize_row_q8_K_ref} / {@code dequantize_row_q8_K}.
 */
public final class Q8_KCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 292;

    public Q8_KCodec() {
        super("Q8_K", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        int[] q = new int[QK]; // codes, then bytes and sums in passes of their own: each vectorizes
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float max = Blocks.signedMaxAbs(x, xo, QK);
            if (max == 0f) {
                // ggml writes d and qs only; bsums stay as the zero-filled buffer has them.
                continue;
            }
            float is = -127f / max;
            for (int j = 0; j < QK; j++) {
                q[j] = (byte) Math.min(127, Rounding.nearestInt(is * x[xo + j]));
            }
            for (int j = 0; j < QK; j++) {
                out[o + 4 + j] = (byte) q[j];
            }
            for (int g = 0; g < QK / 16; g++) {
                int sum = 0;
                for (int j = 16 * g; j < 16 * g + 16; j++) {
                    sum += q[j];
                }
                Bytes.putShort(out, o + 4 + QK + 2 * g, sum);
            }
            Bytes.putInt(out, o, Float.floatToRawIntBits(1f / is));
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Float.intBitsToFloat(Bytes.getInt(in, o));
            for (int j = 0; j < QK; j++) {
                y[yo + j] = d * (float) in[o + 4 + j];
            }
        }
    }
}
