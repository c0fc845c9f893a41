package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

import java.util.Arrays;

/**
 * IQ2_XS: 2.3125 bits per weight. Each group of 8 values is a point of a 512-point lattice (9 bits)
 * with 7 sign bits (the eighth makes their count even); each 16 values have a 4-bit scale.
 * Block (74 bytes): {@code d:fp16 | qs[32]:u16 | scales[8]}, {@code qs[2·ib + k] = index | signs << 9}
 * for the two groups of sub-block {@code ib}, whose scale {@code s} is nibble {@code ib % 2} of
 * {@code scales[ib/2]}. Values decode to {@code d·(0.5 + s)·0.25 · iq2xs_grid[index][j] · ±1}.
 * Mirrors ggml's {@code quantize_iq2_xs}/{@code quantize_row_iq2_xs_impl} and
 * {@code dequantize_row_iq2_xs} (ggml/src/ggml-quants.c). ggml has no reference quantizer for it
 * and requires an importance matrix; {@link #encode(float[])} uses a uniform one.
 */
public final class IQ2_XSCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 74;
    private static final int SUB = 16;

    public IQ2_XSCodec() {
        super("IQ2_XS", QK, BYTES);
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

    /** {@code quantize_row_iq2_xs_impl} with its scratch; one per encode call. */
    private static final class Row {
        private float[] qw; // the importances of the row being encoded (null: none)
        private final Iq2Search search = new Iq2Search(Iq2Lattice.iq2xs());
        private final float[] scales = new float[QK / SUB];
        private final float[] weight = new float[SUB];
        private final float[] waux = new float[SUB];
        private final float[] xval = new float[SUB];
        private final int[] L = new int[SUB];
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
                    continue; // d, qs and scales stay zero
                }
                float d = maxScale / 31;
                Bytes.putFp16(out, o, d);
                float id = 1 / d;
                for (int ib = 0; ib < QK / SUB; ib++) {
                    int l = Math.max(0, Math.min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
                    out[o + 66 + ib / 2] |= (byte) (l << 4 * (ib % 2));
                }
                for (int i = 0; i < q2.length; i++) {
                    Bytes.putShort(out, o + 2 + 2 * i, q2[i]);
                }
            }
        }

        /** One 16-value sub-block: its two grid indices with signs into {@code q2}; returns its scale (0 if skipped). */
        private float subBlock(float[] x, int xb, int qo, float sigma2, int ib) {
            for (int i = 0; i < SUB; i++) {
                weight[i] = qw[qo + i] * (float) Math.sqrt(sigma2 + x[xb + i] * x[xb + i]);
            }
            for (int i = 0; i < SUB; i++) {
                waux[i] = (float) Math.sqrt(weight[i]);
            }
            int signs0 = Iq2Search.foldSigns(x, xb, weight, 0, xval, 0);
            int signs1 = Iq2Search.foldSigns(x, xb + 8, weight, 8, xval, 8);
            float max = Iq2Search.max(xval, SUB);
            if (max < Blocks.GROUP_MAX_EPS) {
                return 0f;
            }
            float scale = search.search16(max, xval, weight, waux, L);
            if (scale < 0) {
                // the scale is stored unsigned, so the signs flip instead
                scale = -scale;
                signs0 = ~signs0 & 127;
                signs1 = ~signs1 & 127;
            }
            q2[2 * ib] = search.gridIndex(L, 0) | signs0 << 9;
            q2[2 * ib + 1] = search.gridIndex(L, 8) | signs1 << 9;
            if (!(scale >= 0)) {
                throw new IllegalStateException("IQ2_XS: NaN scale (ggml's assertion scale >= 0 fails)");
            }
            return scale;
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        Iq2Grids grid = Iq2Grids.xs();
        for (int i = 0, yo = 0; i < nb; i++) {
            int o = BYTES * i;
            float d = Bytes.getFp16(in, o);
            for (int ib = 0; ib < QK / 32; ib++) {
                int sc = in[o + 66 + ib] & 0xFF;
                float db0 = d * (0.5f + (sc & 0xF)) * 0.25f;
                float db1 = d * (0.5f + (sc >> 4)) * 0.25f;
                for (int l = 0; l < 4; l++, yo += 8) {
                    int q = Bytes.getShort(in, o + 2 + 2 * (4 * ib + l)) & 0xFFFF;
                    int s = Iq2Grids.ksigns(q >> 9);
                    float db = l / 2 == 0 ? db0 : db1;
                    for (int j = 0; j < 8; j++) {
                        y[yo + j] = db * grid.value(q & 511, j) * ((s & 1 << j) != 0 ? -1f : 1f);
                    }
                }
            }
        }
    }
}
