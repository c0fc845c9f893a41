package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * Q2_K: 256 values in 16 sub-blocks of 16; 2-bit codes with a 4-bit scale and 4-bit min per
 * sub-block, both multiplied by fp16 super-scales.
 * Block (84 bytes): {@code scales[16] | qs[64] | d:fp16 | dmin:fp16}; {@code scales[j]} = scale
 * (low nibble) | min (high nibble); {@code qs[32n + l]} packs elements l, l+32, l+64, l+96 of
 * 128-half n from the low bits up. Value = (d·sc)·q − dmin·mn.
 * Mirrors ggml's {@code quantize_row_q2_K_ref} / {@code dequantize_row_q2_K}.
 */
public final class Q2_KCodec extends GgmlBlockCodec {

    static final int QK = 256;
    static final int BYTES = 84;
    private static final int QS = 16;
    private static final int D = 80;

    public Q2_KCodec() {
        super("Q2_K", QK, BYTES);
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        KQuantSearch search = new KQuantSearch();
        int[] L = new int[QK];
        float[] weights = new float[16];
        float[] scales = new float[16];
        float[] mins = new float[16];
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float maxScale = 0f;
            float maxMin = 0f;
            for (int j = 0; j < 16; j++) {
                for (int l = 0; l < 16; l++) {
                    weights[l] = Math.abs(x[xo + 16 * j + l]);
                }
                scales[j] = search.qkx2(16, 3, x, xo + 16 * j, weights, L, 16 * j, -0.5f, 0.1f, 15, true);
                mins[j] = search.min;
                if (scales[j] > maxScale) {
                    maxScale = scales[j];
                }
                if (mins[j] > maxMin) {
                    maxMin = mins[j];
                }
            }
            // Scale bytes are C uint8: a negative fit would wrap, as it does in ggml.
            if (maxScale > 0f) {
                float iscale = 15f / maxScale;
                for (int j = 0; j < 16; j++) {
                    out[o + j] = (byte) nearestInt(iscale * scales[j]);
                }
                Bytes.putFp16(out, o + D, maxScale / 15f);
            }
            if (maxMin > 0f) {
                float iscale = 15f / maxMin;
                for (int j = 0; j < 16; j++) {
                    out[o + j] |= (byte) (nearestInt(iscale * mins[j]) << 4);
                }
                Bytes.putFp16(out, o + D + 2, maxMin / 15f);
            }
            // Second pass: codes re-derived from the stored (fp16-rounded) scales.
            float d = Bytes.getFp16(out, o + D);
            float dmin = Bytes.getFp16(out, o + D + 2);
            for (int j = 0; j < 16; j++) {
                int sc = out[o + j] & 0xFF;
                float dl = d * (sc & 0x0F);
                if (dl == 0f) {
                    continue;
                }
                float ml = dmin * (sc >> 4);
                for (int i = 16 * j; i < 16 * j + 16; i++) {
                    L[i] = Math.max(0, Math.min(3, nearestInt((x[xo + i] + ml) / dl)));
                }
            }
            for (int n = 0; n < 2; n++) {
                int lb = 128 * n;
                for (int l = 0; l < 32; l++) {
                    out[o + QS + 32 * n + l] = (byte) (L[lb + l] | L[lb + l + 32] << 2
                            | L[lb + l + 64] << 4 | L[lb + l + 96] << 6);
                }
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o + D);
            float dmin = Bytes.getFp16(in, o + D + 2);
            for (int j = 0; j < 16; j++) {
                int sc = in[o + j] & 0xFF;
                float dl = d * (sc & 0x0F);
                float ml = dmin * (sc >> 4);
                for (int e = 16 * j; e < 16 * j + 16; e++) {
                    int r = e & 127;
                    int q = (in[o + QS + 32 * (e >> 7) + (r & 31)] >> (2 * (r >> 5))) & 3;
                    y[yo + e] = dl * q - ml;
                }
            }
        }
    }
}
