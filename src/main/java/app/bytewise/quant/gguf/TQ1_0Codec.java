package app.bytewise.quant.gguf;

/**
 * TQ1_0 (GGUF type 34, ternary models such as BitNet b1.58 and TriLMs): 256 values as trits
 * (−1, 0, +1) times one fp16 scale, the block's max |x|, five trits to a byte.
 * Block (54 bytes): {@code qs[48] | qh[4] | d:fp16}.
 * <ul>
 *   <li>{@code qs[0..32)}: byte m holds elements m, m+32, m+64, m+96, m+128 (elements 0..159);
 *   <li>{@code qs[32..48)}: byte 32+m holds 160+m, 176+m, 192+m, 208+m, 224+m (160..239);
 *   <li>{@code qh[j]}: 240+j, 244+j, 248+j, 252+j and a fifth trit 0 (240..255).
 * </ul>
 * The trits t₀…t₄ (t + 1 ∈ {0, 1, 2}, the first most significant) form q = Σ tᵢ·3^(4−i) < 243,
 * stored as ⌈q·256/243⌉, so that trit n reads back as the top of {@code (uint8)(byte·3ⁿ)·3 >> 8}.
 * Mirrors ggml's {@code quantize_row_tq1_0_ref} / {@code dequantize_row_tq1_0} (ggml/src/ggml-quants.c).
 */
public final class TQ1_0Codec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 54;
    private static final int QH = 48;
    private static final int D = 52;
    private static final int[] POW3 = {1, 3, 9, 27, 81, 243};

    public TQ1_0Codec() {
        super("TQ1_0", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float d = Blocks.ggmlMaxAbs(x, xo, QK);
            float id = d != 0f ? 1f / d : 0f; // C's `d ? 1.0f/d : 0.0f`: a NaN d is true, id NaN
            Bytes.putFp16(out, o + D, d);
            for (int m = 0; m < 32; m++) {
                out[o + m] = pack(x, xo + m, 32, 5, id);
            }
            for (int m = 0; m < 16; m++) {
                out[o + 32 + m] = pack(x, xo + 160 + m, 16, 5, id);
            }
            for (int j = 0; j < 4; j++) {
                out[o + QH + j] = pack(x, xo + 240 + j, 4, 4, id);
            }
        }
    }

    /**
     * {@code count} trits of the values {@code stride} apart from {@code x[start]}, in C's uint8_t
     * arithmetic ({@code q *= 3; q += xi}, every step modulo 256); four trits get a fifth of 0
     * ({@code q *= 3}), then the ceiling division {@code (q·256 + 242) / 243}, also kept to 8 bits.
     */
    private static byte pack(float[] x, int start, int stride, int count, float id) {
        int q = 0;
        for (int n = 0; n < count; n++) {
            q = (q * 3 + TQ2_0Codec.trit(x[start + n * stride], id)) & 0xFF;
        }
        if (count == 4) {
            q = q * 3 & 0xFF;
        }
        return (byte) ((q * 256 + 242) / 243);
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, o += BYTES) {
            float d = Bytes.getFp16(in, o + D);
            for (int n = 0; n < 5; n++) {
                for (int m = 0; m < 32; m++) {
                    y[yo++] = (float) (trit(in[o + m], n) - 1) * d;
                }
            }
            for (int n = 0; n < 5; n++) {
                for (int m = 0; m < 16; m++) {
                    y[yo++] = (float) (trit(in[o + 32 + m], n) - 1) * d;
                }
            }
            for (int n = 0; n < 4; n++) {
                for (int j = 0; j < 4; j++) {
                    y[yo++] = (float) (trit(in[o + QH + j], n) - 1) * d;
                }
            }
        }
    }

    /** Trit n (0 the most significant) of a stored byte: {@code ((uint16_t)(uint8_t)(b·3ⁿ) · 3) >> 8}. */
    private static int trit(byte b, int n) {
        return ((b & 0xFF) * POW3[n] & 0xFF) * 3 >> 8;
    }
}
