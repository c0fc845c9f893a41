package app.bytewise.quant.gguf;

/**
 * Q2_0 (GGUF type 42): 64 values as 2-bit codes for −1, 0, +1, +2 times one fp16 scale, the
 * block's max |x|. Block (18 bytes): {@code d:fp16 | qs[16]}; element j sits in bits
 * {@code 2·(j % 4)} of {@code qs[j / 4]} as {@code q + 1}.
 * Mirrors ggml's {@code quantize_row_q2_0_ref} / {@code dequantize_row_q2_0} (ggml/src/ggml-quants.c):
 * {@code q = clamp((int) roundf(x / d) + 1, 0, 3)}. Since |x| ≤ d the code 3 (+2) only comes from
 * bytes written elsewhere; decoding gives it as 2·d.
 */
public final class Q2_0Codec extends GgmlBlockCodec {

    static final int QK = 64;
    static final int BYTES = 18;

    public Q2_0Codec() {
        super("Q2_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            // ggml's `if (a > amax) amax = a` from +0: first strictly larger wins, NaN never does.
            float d = Blocks.maxAbs(x, xo, QK);
            float id = d > 0f ? 1f / d : 0f; // 1/d overflows to +inf when d < 2^-128
            Bytes.putFp16(out, o, d);
            for (int j = 0; j < QK; j++) {
                // x·id rounded in float, then roundf and x86's (int): NaN (inf·0, 0·inf, a NaN
                // input) and ±inf give INT_MIN, which the clamp turns into code 0.
                int q = Rounding.roundfToIntX86(x[xo + j] * id) + 1;
                q = Math.max(0, Math.min(3, q));
                out[o + 2 + j / 4] |= (byte) (q << (2 * (j % 4)));
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            for (int j = 0; j < QK; j++) {
                int q = (in[o + 2 + j / 4] >> (2 * (j % 4))) & 3;
                y[yo + j] = (float) (q - 1) * d;
            }
        }
    }
}
