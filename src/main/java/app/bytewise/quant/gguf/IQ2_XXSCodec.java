package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

import java.util.Arrays;

/**
 * IQ2_XXS: 2.0625 bits per weight. Each group of 8 values is a point of a 256-point lattice (8
 * bits), 7 sign bits (the eighth makes their count even) and, per 32 values, a 4-bit scale.
 * Block (66 bytes): {@code d:fp16 | qs[64]}, where sub-block {@code ib}'s 8 bytes are two
 * little-endian uint32: the first holds the 4 grid indices (one byte each), the second the 4 sign
 * fields (7 bits at 7·l) and the scale {@code s} in bits 28..31. Values decode to
 * {@code d·(0.5 + s)·0.25 · iq2xxs_grid[index][j] · ±1}.
 * Mirrors ggml's {@code quantize_iq2_xxs}/{@code quantize_row_iq2_xxs_impl} and
 * {@code dequantize_row_iq2_xxs} (ggml/src/ggml-quants.c). ggml has no reference quantizer for it
 * and requires an importance matrix; {@link #encode(float[])} uses a uniform one.
 */
public final class IQ2_XXSCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 66;
    private static final int SUB = 32;

    public IQ2_XXSCodec() {
        super("IQ2_XXS", QK, BYTES);
    }

    @Override
    public boolean requiresImatrix() {
        return true;
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        ImatrixRows.encodeUniform(this, x, nb, out, new Row()::encode);
    }

    @Override
    public byte[] encode(float[] values, float[] importance) {
        return ImatrixRows.encode(this, values, importance, new Row()::encode);
    }

    /** {@code quantize_row_iq2_xxs_impl} with its scratch; one per encode call. */
    private static final class Row {
        private float[] qw; // the importances of the row being encoded (null: none)
        private final Iq2Search search = new Iq2Search(Iq2Lattice.iq2xxs());
        private final float[] scales = new float[QK / SUB];
        private final float[] weight = new float[SUB];
        private final float[] waux = new float[SUB];
        private final float[] xval = new float[SUB];
        private final int[] L = new int[SUB];
        private final int[] laux = new int[SUB];
        private final int[] signs = new int[4];
        private final int[] q2 = new int[2 * (QK / SUB)];


        void encode(float[] x, int xo, int nbl, float[] qw, byte[] out, int oo) {
            this.qw = qw;
            for (int ibl = 0; ibl < nbl; ibl++) {
                int xbl = xo + QK * ibl;
                int o = oo + BYTES * ibl;
                Arrays.fill(q2, 0);
                float sumx2 = 0f;
                for (int i = 0; i < QK; i++) {
                    sumx2 += x[xbl + i] * x[xbl + i];
                }
                float sigma2 = sumx2 / QK;
                float maxScale = 0f;
                for (int ib = 0; ib < QK / SUB; ib++) {
                    float scale = subBlock(x, xbl + SUB * ib, QK * ibl + SUB * ib, sigma2, ib);
                    scales[ib] = scale;
                    maxScale = maxScale > scale ? maxScale : scale;
                }
                if (maxScale == 0f) {
                    continue; // d and qs stay zero
                }
                float d = maxScale / 31;
                Bytes.putFp16(out, o, d);
                float id = 1 / d;
                for (int ib = 0; ib < QK / SUB; ib++) {
                    int l = Math.max(0, Math.min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
                    q2[2 * ib + 1] |= l << 28;
                }
                for (int i = 0; i < q2.length; i++) {
                    Bytes.putInt(out, o + 2 + 4 * i, q2[i]);
                }
            }
        }

        /** One 32-value sub-block: its grid indices and signs into {@code q2}; returns its scale (0 if skipped). */
        private float subBlock(float[] x, int xb, int qo, float sigma2, int ib) {
            for (int i = 0; i < SUB; i++) {
                weight[i] = qw[qo + i] * (float) Math.sqrt(sigma2 + x[xb + i] * x[xb + i]);
            }
            for (int i = 0; i < SUB; i++) {
                waux[i] = (float) Math.sqrt(weight[i]);
            }
            for (int k = 0; k < 4; k++) {
                signs[k] = Iq2Search.foldSigns(x, xb + 8 * k, weight, 8 * k, xval, 8 * k);
            }
            float max = Iq2Search.max(xval, SUB);
            if (max < Blocks.GROUP_MAX_EPS) {
                return 0f;
            }
            float scale = QpQuants.fit(SUB, Iq2Search.MAX_Q + 1, xval, 0, L, 0, weight, 0);
            float effMax = scale * Iq2Search.MAX_Q;
            if (effMax <= 0) {
                return 0f;
            }
            Iq2Lattice lattice = search.lattice();
            float best = 0f;
            for (int is = -6; is <= 6; is++) {
                float id = (2 * Iq2Search.MAX_Q - 1 + is * 0.1f) / effMax;
                float thisScale = 1 / id;
                for (int k = 0; k < 4; k++) {
                    Iq2Search.levels(id, xval, 8 * k, laux, 8 * k);
                    int g = lattice.map(Iq2Search.index(laux, 8 * k));
                    if (g < 0) {
                        search.bestNeighbour(g, xval, 8 * k, waux, thisScale, laux, 8 * k);
                    }
                }
                float sumqx = 0f;
                float sumq2 = 0f;
                for (int i = 0; i < SUB; i++) {
                    float w = weight[i];
                    float q = 2 * laux[i] + 1;
                    sumqx += w * xval[i] * q;
                    sumq2 += w * q * q;
                }
                if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
                    scale = sumqx / sumq2;
                    best = scale * sumqx;
                    System.arraycopy(laux, 0, L, 0, SUB);
                }
            }
            if (scale > 0) {
                // every group re-rounded with the chosen scale (off-grid ones to their best neighbour)
                float id = 1 / scale;
                for (int k = 0; k < 4; k++) {
                    Iq2Search.levels(id, xval, 8 * k, L, 8 * k);
                    int g = lattice.map(Iq2Search.index(L, 8 * k));
                    if (g < 0) {
                        search.bestNeighbour(g, xval, 8 * k, waux, scale, L, 8 * k);
                    }
                }
                float sumqx = 0f;
                float sumq2 = 0f;
                for (int i = 0; i < SUB; i++) {
                    float w = weight[i];
                    float q = 2 * L[i] + 1;
                    sumqx += w * xval[i] * q;
                    sumq2 += w * q * q;
                }
                if (sumq2 > 0) {
                    scale = sumqx / sumq2;
                }
            }
            if (scale < 0) {
                // ggml: "should never happen"; the scale is stored unsigned, so the signs flip instead
                scale = -scale;
                for (int k = 0; k < 4; k++) {
                    signs[k] = ~signs[k] & 127;
                }
            }
            for (int k = 0; k < 4; k++) {
                q2[2 * ib] |= search.gridIndex(L, 8 * k) << 8 * k;
                q2[2 * ib + 1] |= signs[k] << 7 * k;
            }
            if (!(scale >= 0)) {
                throw new IllegalStateException("IQ2_XXS: NaN scale (ggml's assertion scale >= 0 fails)");
            }
            return scale;
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        Iq2Grids grid = Iq2Grids.xxs();
        for (int i = 0, yo = 0; i < nb; i++) {
            int o = BYTES * i;
            float d = Bytes.getFp16(in, o);
            for (int ib = 0; ib < QK / SUB; ib++) {
                int qs = o + 2 + 8 * ib;
                int aux1 = Bytes.getInt(in, qs + 4);
                float db = d * (0.5f + (aux1 >>> 28)) * 0.25f;
                for (int l = 0; l < 4; l++, yo += 8) {
                    int index = in[qs + l] & 0xFF;
                    int s = Iq2Grids.ksigns((aux1 >>> 7 * l) & 127);
                    for (int j = 0; j < 8; j++) {
                        y[yo + j] = db * grid.value(index, j) * ((s & 1 << j) != 0 ? -1f : 1f);
                    }
                }
            }
        }
    }
}
