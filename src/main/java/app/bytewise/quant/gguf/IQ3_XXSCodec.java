package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * IQ3_XXS: 256 values as 4-value points of a 256-point lattice with 3-bit levels, signs in groups
 * of 8 with even parity, a 4-bit scale per 32 and an fp16 super-scale.
 * Block (98 bytes): {@code d:fp16 | grid indices[64] | scales_and_signs:u32[8]}; word {@code ib}
 * holds 7 sign bits for each of its four 8-value groups (bit 7 is the parity, ggml's
 * {@code ksigns_iq2xs}) and the scale {@code s} in bits 28..31; a value is
 * {@code d·(0.5 + s)·0.5 · grid[index][j] · ±1}.
 * Mirrors ggml's {@code quantize_row_iq3_xxs_impl(256, …)} as {@code quantize_row_iq3_xxs_ref}
 * ({@link #encode(float[])}) and {@code quantize_iq3_xxs} ({@link #encode(float[], float[])}) call
 * it, and {@code dequantize_row_iq3_xxs} (ggml/src/ggml-quants.c).
 */
public final class IQ3_XXSCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 98;
    private static final int SUB = Iq3Search.SUB;
    /** ggml's {@code GROUP_MAX_EPS_IQ3_XXS}. */
    private static final float EPS = 1e-8f;
    /**
     * {@code iq3xxs_grid}'s byte for each 3-bit level (ggml-common.h): 4 + 8·level, except 62 for
     * level 7.
     */
    private static final int[] LEVEL_VALUES = {4, 12, 20, 28, 36, 44, 52, 62};

    public IQ3_XXSCodec() {
        super("IQ3_XXS", QK, BYTES);
    }

    @Override
    public boolean requiresImatrix() {
        return false;
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        encode(x, nb, null, out);
    }

    @Override
    public byte[] encode(float[] values, float[] importance) {
        int nb = blockCount(values.length);
        ImatrixRows.count(this, values, importance);
        byte[] out = new byte[nb * BYTES];
        encode(values, nb, importance, out);
        return out;
    }

    /** Blocks are independent, so rows of the importance's length are blocks with its columns in turn. */
    private static void encode(float[] x, int nb, float[] importance, byte[] out) {
        Iq3Search search = new Iq3Search(Iq3Lattice.iq3xxs(), true);
        float[] scales = new float[QK / SUB];
        int[] words = new int[QK / SUB];
        int[] signs = new int[4];
        for (int ibl = 0; ibl < nb; ibl++) {
            int xo = ibl * QK;
            int o = ibl * BYTES;
            int io = importance == null ? 0 : xo % importance.length;
            java.util.Arrays.fill(words, 0);
            float sigma2 = Iq3Search.sigma2(x, xo);
            float maxScale = 0f;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int xb = xo + SUB * ib;
                search.weigh(x, xb, importance, io + SUB * ib, sigma2);
                splitSigns(x, xb, search.weight, search.xval, signs);
                float max = search.maxValue();
                if (max < EPS) {
                    scales[ib] = 0f;
                    continue;
                }
                float scale = search.scale(max);
                if (scale < 0) { // not expected (ggml's comment); signs flip with it
                    scale = -scale;
                    for (int k = 0; k < 4; k++) {
                        signs[k] = ~signs[k] & 127;
                    }
                }
                for (int k = 0; k < 8; k++) {
                    out[o + 2 + 8 * ib + k] = (byte) search.gridIndex(k);
                }
                words[ib] = signs[0] | signs[1] << 7 | signs[2] << 14 | signs[3] << 21;
                if (!(scale >= 0)) {
                    throw new IllegalStateException("IQ3_XXS: scale " + scale + " (ggml asserts scale >= 0)");
                }
                scales[ib] = scale;
                maxScale = maxScale > scale ? maxScale : scale;
            }
            if (maxScale == 0) {
                java.util.Arrays.fill(out, o, o + BYTES, (byte) 0);
                continue;
            }
            float d = maxScale / 31;
            Bytes.putFp16(out, o, d * 1.0125f); // ggml's fudge factor
            float id = 1 / d;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int l = Math.max(0, Math.min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
                Bytes.putInt(out, o + 2 + QK / 4 + 4 * ib, words[ib] | l << 28);
            }
        }
    }

    /**
     * Magnitudes into {@code xval} and sign bits per 8; an odd count of negatives has the value of
     * least {@code weight·x²} (the first on ties) keep its sign instead, its magnitude negated, so
     * that 7 bits determine the 8th.
     */
    private static void splitSigns(float[] x, int xb, float[] weight, float[] xval, int[] signs) {
        for (int k = 0; k < 4; k++) {
            int nflip = 0;
            int s = 0;
            for (int i = 0; i < 8; i++) {
                float v = x[xb + 8 * k + i];
                if (v >= 0) {
                    xval[8 * k + i] = v;
                } else {
                    xval[8 * k + i] = -v;
                    nflip++;
                    s |= 1 << i;
                }
            }
            if (nflip % 2 != 0) {
                int imin = 0;
                float min = weight[8 * k] * x[xb + 8 * k] * x[xb + 8 * k];
                for (int i = 1; i < 8; i++) {
                    float v = x[xb + 8 * k + i];
                    float ax = weight[8 * k + i] * v * v;
                    if (ax < min) {
                        min = ax;
                        imin = i;
                    }
                }
                xval[8 * k + imin] = -xval[8 * k + imin];
                s ^= 1 << imin;
            }
            signs[k] = s & 127;
        }
    }

    /** {@code iq3xxs_grid[index]}: the point's levels as {@link #LEVEL_VALUES}, coordinate i in byte i. */
    static int gridValues(int index) {
        int p = Iq3Lattice.iq3xxs().point(index);
        int g = 0;
        for (int i = 0; i < 4; i++) {
            g |= LEVEL_VALUES[(Iq3Lattice.coordinate(p, i) - 1) / 2] << 8 * i;
        }
        return g;
    }

    /** ggml's {@code ksigns_iq2xs[i]}: the 7 stored sign bits and their parity as bit 7. */
    static int signs(int seven) {
        return seven | (Integer.bitCount(seven) & 1) << 7;
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        int[] grid = new int[256];
        for (int g = 0; g < grid.length; g++) {
            grid[g] = gridValues(g);
        }
        for (int i = 0, yo = 0; i < nb; i++) {
            int o = i * BYTES;
            float d = Bytes.getFp16(in, o);
            for (int ib = 0; ib < QK / SUB; ib++) {
                int word = Bytes.getInt(in, o + 2 + QK / 4 + 4 * ib);
                float db = d * (0.5f + (word >>> 28)) * 0.5f;
                for (int l = 0; l < 4; l++) {
                    int s = signs(word >>> 7 * l & 127);
                    for (int half = 0; half < 2; half++) {
                        int g = grid[in[o + 2 + 8 * ib + 2 * l + half] & 0xFF];
                        for (int j = 0; j < 4; j++) {
                            float sign = (s & 1 << 4 * half + j) != 0 ? -1f : 1f;
                            y[yo + 4 * half + j] = db * Iq3Lattice.coordinate(g, j) * sign;
                        }
                    }
                    yo += 8;
                }
            }
        }
    }
}
