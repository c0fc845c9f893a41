package app.bytewise.quant.gguf;

import java.util.Arrays;

/**
 * IQ4_NL: 32 values as 4-bit indices into a fixed non-linear table, one fp16 scale.
 * Block (18 bytes): {@code d:fp16 | qs[16]}, same nibble order as Q4_0; value = d·K[index].
 * {@link #encode} mirrors ggml's {@code quantize_row_iq4_nl_ref} (no scale search);
 * {@link #encodeChunk} mirrors {@code quantize_iq4_nl(…, imatrix=NULL)}, which is what
 * {@code llama-quantize} writes. Both run ggml's {@code quantize_row_iq4_nl_impl};
 * decoding mirrors {@code dequantize_row_iq4_nl}.
 */
public final class IQ4_NLCodec extends GgmlBlockCodec {

    static final int QK = 32;
    static final int BYTES = 18;

    /** ggml's {@code kvalues_iq4nl}. */
    private static final int[] K = {-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113};
    static final float[] KF = new float[16];

    static {
        for (int i = 0; i < 16; i++) {
            KF[i] = K[i];
        }
    }

    private static final int CHUNK_TRIES = 7;

    public IQ4_NLCodec() {
        super("IQ4_NL", QK, BYTES);
    }

    /**
     * Encodes as {@code quantize_iq4_nl} does without an importance matrix: a search over 15 trial
     * scales, then every index re-picked from the chosen scale. Differs from {@link #encode} on most
     * inputs.
     */
    public byte[] encodeChunk(float[] values) {
        int nb = blockCount(values.length);
        byte[] out = new byte[nb * BYTES];
        encodeBlocks(values, nb, out, CHUNK_TRIES);
        return out;
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        encodeBlocks(x, nb, out, -1);
    }

    private static void encodeBlocks(float[] x, int nb, byte[] out, int ntry) {
        // One index array for the whole row, as ggml's L[QK4_NL] on the stack of the row function.
        int[] L = new int[QK];
        Arrays.fill(L, 8);
        for (int ib = 0, xo = 0, o = 0; ib < nb; ib++, xo += QK, o += BYTES) {
            float d = encodeBlock(x, xo, L, ntry);
            Bytes.putFp16(out, o, d);
            for (int j = 0; j < QK / 2; j++) {
                out[o + 2 + j] = (byte) (L[j] | L[j + QK / 2] << 4);
            }
        }
    }

    /** One block of {@code quantize_row_iq4_nl_impl} with weights x² (no imatrix); returns d, fills L. */
    private static float encodeBlock(float[] x, int xo, int[] L, int ntry) {
        float max = Blocks.signedMaxAbs(x, xo, QK);
        if (Math.abs(max) < Blocks.GROUP_MAX_EPS) {
            // ggml skips the block but still packs L: the _ref path packs the previous block's indices
            // (before any block, stale stack bytes, undefined; 8 here), the chunk path re-picks every
            // index at scale 0, index 8 (table value 1, nearest to 0).
            if (ntry > 0) {
                Arrays.fill(L, 8);
            }
            return 0f;
        }
        float d = subBlockScale(x, xo, max, L, 0, ntry);
        if (ntry > 0) {
            float inv = d != 0f ? 1f / d : 0f;
            for (int j = 0; j < QK; j++) {
                L[j] = bestIndex(inv * x[xo + j]);
            }
        }
        return d;
    }

    /**
     * The per-32 scale search of {@code quantize_row_iq4_nl_impl} for a block whose signed extreme is
     * {@code max} (not below {@code GROUP_MAX_EPS}): indices at the extreme's scale, their
     * least-squares scale, then {@code 2·ntry + 1} trial scales, weights x². Fills
     * {@code L[lo..lo+32)}; IQ4_XS runs it on each 32 of its 256.
     */
    static float subBlockScale(float[] x, int xo, float max, int[] L, int lo, int ntry) {
        // The search starts from the sign that maps the extreme value onto K[0] (_ref) or its mirror.
        float d = ntry > 0 ? -max / KF[0] : max / KF[0];
        float id = 1f / d;
        float sumqx = 0f;
        float sumq2 = 0f;
        for (int j = 0; j < QK; j++) {
            float v = x[xo + j];
            int l = bestIndex(id * v);
            L[lo + j] = l;
            float q = KF[l];
            float w = v * v;
            sumqx += w * q * v;
            sumq2 += w * q * q;
        }
        d = sumq2 > 0f ? sumqx / sumq2 : 0f; // least-squares refit of the scale for these indices
        float best = d * sumqx;
        for (int itry = -ntry; itry <= ntry; itry++) {
            id = (float) (itry + K[0]) / max;
            sumqx = 0f;
            sumq2 = 0f;
            for (int j = 0; j < QK; j++) {
                float v = x[xo + j];
                float q = KF[bestIndex(id * v)];
                float w = v * v;
                sumqx += w * q * v;
                sumq2 += w * q * q;
            }
            if (sumq2 > 0f && sumqx * sumqx > best * sumq2) {
                d = sumqx / sumq2;
                best = d * sumqx;
            }
        }
        return d;
    }

    /** ggml's {@code best_index_int8}: nearest table entry, an exact midpoint going to the upper one. */
    static int bestIndex(float v) {
        if (v <= KF[0]) {
            return 0;
        }
        if (v >= KF[15]) {
            return 15;
        }
        int lo = 0;
        int hi = 15;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (v < KF[mid]) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return v - KF[hi - 1] < KF[hi] - v ? hi - 1 : hi;
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        for (int ib = 0, yo = 0, o = 0; ib < nb; ib++, yo += QK, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            for (int j = 0; j < QK / 2; j++) {
                int b = in[o + 2 + j];
                y[yo + j] = d * KF[b & 0x0F];
                y[yo + QK / 2 + j] = d * KF[(b >> 4) & 0x0F];
            }
        }
    }
}
