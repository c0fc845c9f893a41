package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * IQ1_S: 1.5625 bits per weight, each group of 8 values a point of the 2048-point lattice of levels
 * {−1, 0, +1} shifted by ±0.125. Block (50 bytes) of 256 values: {@code d:fp16 | qs[32] | qh:u16[8]};
 * 32-value sub-block {@code ib}: {@code qh[ib]} holds the high 3 bits of its four 11-bit grid indices
 * (bits 3l..3l+2, the low 8 in {@code qs[4ib + l]}), a 3-bit scale {@code s} (bits 12..14) and the
 * sign of the shift (bit 15); value = {@code d·(2s+1)·(iq1s_grid[index][j] ± 0.125)}.
 * Mirrors ggml's {@code quantize_iq1_s}/{@code quantize_row_iq1_s_impl} and {@code dequantize_row_iq1_s}
 * (ggml/src/ggml-quants.c). ggml has no reference quantizer for it and requires an importance matrix
 * ({@code ggml_quantize_requires_imatrix}), so {@link #encode(float[])} weighs every column by 1.
 */
public final class IQ1_SCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 50;
    private static final int SUB = 32;
    private static final int QH = 2 + QK / 8;
    /** ggml-quants.c's GROUP_MAX_EPS_IQ1_S. */
    private static final float EPS = 1e-12f;

    public IQ1_SCodec() {
        super("IQ1_S", QK, BYTES);
    }

    @Override
    public boolean requiresImatrix() {
        return true;
    }

    @Override
    public byte[] encode(float[] values, float[] importance) {
        Scratch s = new Scratch();
        return ImatrixRows.encode(this, values, importance, (x, xo, nb, qw, y, yo) -> encodeRow(x, xo, nb, qw, y, yo, s));
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        Scratch s = new Scratch();
        ImatrixRows.encodeUniform(this, x, nb, out, (v, xo, n, qw, y, yo) -> encodeRow(v, xo, n, qw, y, yo, s));
    }

    /** One encode call's work arrays, as {@code quantize_iq1_s} keeps them on its stack. */
    private static final class Scratch {
        final float[] scales = new float[QK / SUB];
        final int[] shifts = new int[QK / SUB];
        final float[] weight = new float[SUB];
        final float[] sumx = new float[SUB + 1];
        final float[] sumw = new float[SUB + 1];
        final float[] pairs = new float[SUB];
        final int[] idx = new int[SUB];
        final float[] tmpV = new float[SUB];
        final int[] tmpI = new int[SUB];
        final int[] L = new int[SUB];
        final int[] index = new int[SUB / 8];
    }

    /** {@code quantize_row_iq1_s_impl} over one row of {@code nbl} blocks from {@code x[xo]}. */
    private static void encodeRow(float[] x, int xo, int nbl, float[] qw, byte[] y, int yo, Scratch s) {
        Iq2Lattice lattice = Iq2Lattice.iq1s();
        float[] weight = s.weight;
        float[] sumx = s.sumx;
        float[] sumw = s.sumw;
        int[] L = s.L;
        for (int ibl = 0; ibl < nbl; ibl++) {
            int o = yo + ibl * BYTES;
            int xbl = xo + QK * ibl;
            float maxScale = 0;
            float sumx2 = 0;
            for (int i = 0; i < QK; i++) {
                sumx2 += x[xbl + i] * x[xbl + i];
            }
            float sigma2 = 2 * sumx2 / QK;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int xb = xbl + SUB * ib;
                int qwo = QK * ibl + SUB * ib;
                for (int i = 0; i < SUB; i++) {
                    weight[i] = qw[qwo + i] * (float) Math.sqrt(sigma2 + x[xb + i] * x[xb + i]);
                }
                float max = Blocks.ggmlMaxAbs(x, xb, SUB);
                if (max < EPS) {
                    s.scales[ib] = 0;
                    s.shifts[ib] = 1;
                    continue;
                }
                // the exact search over the two boundaries splitting the sorted values into 3 levels
                for (int j = 0; j < SUB; j++) {
                    s.pairs[j] = x[xb + j];
                    s.idx[j] = j;
                }
                Iq1Search.sort(s.pairs, s.idx, SUB, s.tmpV, s.tmpI);
                sumx[0] = sumw[0] = 0;
                for (int j = 0; j < SUB; j++) {
                    int i = s.idx[j];
                    sumx[j + 1] = sumx[j] + weight[i] * x[xb + i];
                    sumw[j + 1] = sumw[j] + weight[i];
                }
                float bestScore = -Float.MAX_VALUE;
                float scale = max;
                int besti1 = -1;
                int besti2 = -1;
                int bestShift = 0;
                float[] p = Iq1Search.X_P;
                float[] m = Iq1Search.X_M;
                for (int i1 = 0; i1 <= SUB; i1++) {
                    for (int i2 = i1; i2 <= SUB; i2++) {
                        float a = sumx[i1] - sumx[0];
                        float b = sumx[i2] - sumx[i1];
                        float c = sumx[SUB] - sumx[i2];
                        float wa = sumw[i1] - sumw[0];
                        float wb = sumw[i2] - sumw[i1];
                        float wc = sumw[SUB] - sumw[i2];
                        float sumqx = a * p[0] + b * p[1] + c * p[2];
                        float sumq2 = wa * p[0] * p[0] + wb * p[1] * p[1] + wc * p[2] * p[2];
                        if (sumq2 > 0 && sumqx * sumqx > bestScore * sumq2) {
                            scale = sumqx / sumq2;
                            bestScore = scale * sumqx;
                            besti1 = i1;
                            besti2 = i2;
                            bestShift = 1;
                        }
                        sumqx = a * m[0] + b * m[1] + c * m[2];
                        sumq2 = wa * m[0] * m[0] + wb * m[1] * m[1] + wc * m[2] * m[2];
                        if (sumq2 > 0 && sumqx * sumqx > bestScore * sumq2) {
                            scale = sumqx / sumq2;
                            bestScore = scale * sumqx;
                            besti1 = i1;
                            besti2 = i2;
                            bestShift = -1;
                        }
                    }
                }
                if (besti1 < 0 || besti2 < 0 || bestShift == 0) {
                    s.scales[ib] = 0;
                    s.shifts[ib] = 1;
                    continue;
                }
                for (int j = 0; j < besti1; j++) {
                    L[s.idx[j]] = 0;
                }
                for (int j = besti1; j < besti2; j++) {
                    L[s.idx[j]] = 1;
                }
                for (int j = besti2; j < SUB; j++) {
                    L[s.idx[j]] = 2;
                }
                if (scale < 0) {
                    for (int j = 0; j < SUB; j++) {
                        L[j] = 2 - L[j];
                    }
                    scale = -scale;
                    bestShift = -bestShift;
                }
                boolean allOnGrid = true;
                float[] xx = bestShift == 1 ? p : m;
                for (int k = 0; k < SUB / 8; k++) {
                    int u = 0;
                    for (int j = 0; j < 8; j++) {
                        u |= L[8 * k + j] << 2 * j;
                    }
                    int gridIndex = lattice.map(u);
                    if (gridIndex < 0) {
                        allOnGrid = false;
                        gridIndex = Iq1Search.bestNeighbour(lattice, -gridIndex - 1, x, xb + 8 * k, weight, 8 * k,
                                scale, xx, L, 8 * k);
                    }
                    s.index[k] = gridIndex;
                }
                if (!allOnGrid) {
                    float sumqx = 0;
                    float sumq2 = 0;
                    for (int k = 0; k < SUB / 8; k++) {
                        long pg = lattice.point(s.index[k]);
                        for (int j = 0; j < 8; j++) {
                            float w = weight[8 * k + j];
                            float q = xx[Iq1Search.level(pg, j)];
                            sumqx += w * q * x[xb + 8 * k + j];
                            sumq2 += w * q * q;
                        }
                    }
                    if (sumqx > 0 && sumq2 > 0) {
                        scale = sumqx / sumq2;
                    }
                }
                int h = 0;
                for (int k = 0; k < SUB / 8; k++) {
                    y[o + 2 + (SUB / 8) * ib + k] = (byte) s.index[k];
                    h |= (s.index[k] >> 8) << 3 * k;
                }
                Bytes.putShort(y, o + QH + 2 * ib, h);
                if (!(scale >= 0)) {
                    throw new IllegalStateException("IQ1_S: scale " + scale + " (ggml asserts scale >= 0)");
                }
                s.scales[ib] = scale;
                s.shifts[ib] = bestShift;
                maxScale = maxScale > scale ? maxScale : scale; // ggml's MAX
            }
            if (maxScale == 0) {
                continue;
            }
            float d = maxScale / 15;
            Bytes.putFp16(y, o, d * 1.125f); // ggml's fudge factor
            float id = 1 / d;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int l = nearestInt(0.5f * (id * s.scales[ib] - 1));
                l = Math.max(0, Math.min(7, l));
                if (s.shifts[ib] == -1) {
                    l |= 8;
                }
                int at = o + QH + 2 * ib;
                Bytes.putShort(y, at, Bytes.getShort(y, at) | l << 12);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        Iq2Lattice lattice = Iq2Lattice.iq1s();
        for (int i = 0, yo = 0, o = 0; i < nb; i++, o += BYTES) {
            float d = Bytes.getFp16(in, o);
            for (int ib = 0; ib < QK / SUB; ib++) {
                int qh = Bytes.getShort(in, o + QH + 2 * ib) & 0xFFFF;
                float dl = d * (2 * ((qh >> 12) & 7) + 1);
                float delta = (qh & 0x8000) != 0 ? -Iq1Search.DELTA : Iq1Search.DELTA;
                for (int l = 0; l < 4; l++) {
                    int index = (in[o + 2 + 4 * ib + l] & 0xFF) | ((qh >> 3 * l) & 7) << 8;
                    for (int j = 0; j < 8; j++) {
                        y[yo++] = dl * (Iq1Search.gridValue(lattice, index, j) + delta);
                    }
                }
            }
        }
    }
}
