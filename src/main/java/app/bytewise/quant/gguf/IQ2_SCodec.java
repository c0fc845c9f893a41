package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * IQ2_S: 2.5625 bits per weight. Each group of 8 values is a point of a 1024-point lattice (10
 * bits) with 8 sign bits; each 16 values have a 4-bit scale.
 * Block (82 bytes): {@code d:fp16 | qs[32] | signs[32] | qh[8] | scales[8]}: group {@code g}'s
 * index is {@code qs[g] | ((qh[g/4] >> 2·(g%4)) & 3) << 8}, its signs {@code signs[g]}; sub-block
 * {@code ib}'s scale {@code s} is nibble {@code ib % 2} of {@code scales[ib/2]}. Values decode to
 * {@code d·(0.5 + s)·0.25 · iq2s_grid[index][j] · ±1}.
 * Mirrors ggml's {@code quantize_row_iq2_s_ref} (no importance), {@code quantize_iq2_s}/
 * {@code quantize_row_iq2_s_impl} and {@code dequantize_row_iq2_s} (ggml/src/ggml-quants.c).
 */
public final class IQ2_SCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 82;
    private static final int SUB = 16;
    /** ggml's GROUP_MAX_EPS_IQ2_S. */
    private static final float GROUP_MAX_EPS = 1e-8f;
    private static final int QH = 66;
    private static final int SCALES = 74;

    public IQ2_SCodec() {
        super("IQ2_S", QK, BYTES);
    }

    @Override
    public boolean requiresImatrix() {
        return false;
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        new Row().encode(x, 0, nb, null, out, 0);
    }

    @Override
    public byte[] encode(float[] values, float[] importance) {
        return ImatrixRows.encode(this, values, importance, new Row()::encode);
    }

    /** {@code quantize_row_iq2_s_impl} with its scratch; one per encode call; {@code qw} null for none. */
    private static final class Row {
        private float[] qw; // the importances of the row being encoded (null: none)
        private final Iq2Search search = new Iq2Search(Iq2Lattice.iq2s());
        private final float[] scales = new float[QK / SUB];
        private final float[] weight = new float[SUB];
        private final float[] waux = new float[SUB];
        private final float[] xval = new float[SUB];
        private final int[] L = new int[SUB];
        private final int[] signs = new int[2];


        void encode(float[] x, int xo, int nbl, float[] qw, byte[] out, int oo) {
            this.qw = qw;
            for (int ibl = 0; ibl < nbl; ibl++) {
                int xbl = xo + QK * ibl;
                int o = oo + BYTES * ibl;
                float sumx2 = 0f;
                for (int i = 0; i < QK; i++) {
                    sumx2 += x[xbl + i] * x[xbl + i];
                }
                float sigma2 = 2 * sumx2 / QK;
                float maxScale = 0f;
                for (int ib = 0; ib < QK / SUB; ib++) {
                    float scale = subBlock(x, xbl + SUB * ib, QK * ibl + SUB * ib, sigma2, ib, out, o);
                    scales[ib] = scale;
                    maxScale = maxScale > scale ? maxScale : scale;
                }
                if (maxScale == 0f) {
                    continue; // unlike IQ2_XS, ggml leaves the indices and signs already written
                }
                float d = maxScale / 31;
                Bytes.putFp16(out, o, d * 0.9875f);
                float id = 1 / d;
                for (int ib = 0; ib < QK / SUB; ib++) {
                    int l = Math.max(0, Math.min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
                    out[o + SCALES + ib / 2] |= (byte) (l << 4 * (ib % 2));
                }
            }
        }

        /** One 16-value sub-block: its indices and signs into the block at {@code o}; returns its scale (0 if skipped). */
        private float subBlock(float[] x, int xb, int qo, float sigma2, int ib, byte[] out, int o) {
            for (int i = 0; i < SUB; i++) {
                float v = x[xb + i];
                weight[i] = qw != null ? qw[qo + i] * (float) Math.sqrt(sigma2 + v * v) : 0.25f * sigma2 + v * v;
            }
            for (int i = 0; i < SUB; i++) {
                waux[i] = (float) Math.sqrt(weight[i]);
            }
            // 8 sign bits per group: no parity to keep, so every magnitude is non-negative
            signs[0] = signs[1] = 0;
            for (int i = 0; i < SUB; i++) {
                float v = x[xb + i];
                if (v >= 0) {
                    xval[i] = v;
                } else {
                    xval[i] = -v;
                    signs[i / 8] |= 1 << i % 8;
                }
            }
            float max = Iq2Search.max(xval, SUB);
            if (max < GROUP_MAX_EPS) {
                return 0f;
            }
            float scale = search.search16(max, xval, weight, waux, L);
            if (scale < 0) {
                scale = -scale;
                signs[0] = ~signs[0] & 0xFF;
                signs[1] = ~signs[1] & 0xFF;
            }
            for (int k = 0; k < 2; k++) {
                int g = search.gridIndex(L, 8 * k);
                int i8 = 2 * ib + k;
                out[o + 2 + i8] = (byte) g;
                out[o + QH + i8 / 4] |= (byte) ((g >> 8) << 2 * (i8 % 4));
                out[o + 2 + QK / 8 + i8] = (byte) signs[k];
            }
            if (!(scale >= 0)) {
                throw new IllegalStateException("IQ2_S: NaN scale (ggml's assertion scale >= 0 fails)");
            }
            return scale;
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        Iq2Grids grid = Iq2Grids.s();
        for (int i = 0, yo = 0; i < nb; i++) {
            int o = BYTES * i;
            float d = Bytes.getFp16(in, o);
            for (int ib = 0; ib < QK / 32; ib++) {
                int sc = in[o + SCALES + ib] & 0xFF;
                float db0 = d * (0.5f + (sc & 0xF)) * 0.25f;
                float db1 = d * (0.5f + (sc >> 4)) * 0.25f;
                int qh = in[o + QH + ib] & 0xFF;
                for (int l = 0; l < 4; l++, yo += 8) {
                    float dl = l / 2 == 0 ? db0 : db1;
                    int index = (in[o + 2 + 4 * ib + l] & 0xFF) | (qh << (8 - 2 * l) & 0x300);
                    int s = in[o + 2 + QK / 8 + 4 * ib + l] & 0xFF;
                    for (int j = 0; j < 8; j++) {
                        y[yo + j] = dl * grid.value(index, j) * ((s & 1 << j) != 0 ? -1f : 1f);
                    }
                }
            }
        }
    }
}
