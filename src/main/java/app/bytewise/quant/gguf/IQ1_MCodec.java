package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * IQ1_M: 1.75 bits per weight, IQ1_S's lattice with a shift sign per group of 8 and a 3-bit scale
 * per 16 values. Block (56 bytes) of 256 values: {@code qs[32] | qh[16] | scales:u16[4]}; 16-value
 * sub-block {@code ib}: grid indices {@code qs[2ib + k] | (qh[ib] >> 4k & 7) << 8}, shift sign of
 * group {@code k} in bit {@code 4k + 3} of {@code qh[ib]}, scale {@code s} in bits {@code 3·(ib%4)} of
 * {@code scales[ib/4]}; the fp16 super-block scale {@code d} is the top nibbles of the four u16.
 * Value = {@code d·(2s+1)·(iq1s_grid[index][j] ± 0.125)}.
 * Mirrors ggml's {@code quantize_iq1_m}/{@code quantize_row_iq1_m_impl} and {@code dequantize_row_iq1_m}
 * (ggml/src/ggml-quants.c). ggml has no reference quantizer for it but does not require an importance
 * matrix either ({@code ggml_quantize_requires_imatrix}, ggml.c), so {@link #encode(float[])} is
 * {@code quantize_iq1_m} with none, which weighs each value by its square.
 */
public final class IQ1_MCodec extends GgmlBlockCodec implements ImatrixCodec {

    static final int QK = 256;
    static final int BYTES = 56;
    private static final int SUB = 16;
    private static final int QH = QK / 8;
    private static final int SC = QH + QK / 16;
    /** ggml-quants.c's GROUP_MAX_EPS_IQ1_M. */
    private static final float EPS = 1e-7f;
    /** qh bits per {@code best_k}: 0 (+,+), 1 (+,−), 2 (−,+), 3 (−,−). */
    private static final int[] MASKS = {0x00, 0x80, 0x08, 0x88};

    public IQ1_MCodec() {
        super("IQ1_M", QK, BYTES);
    }

    @Override
    public boolean requiresImatrix() {
        return false;
    }

    @Override
    public byte[] encode(float[] values, float[] importance) {
        float[] weight = new float[SUB];
        return ImatrixRows.encode(this, values, importance, (x, xo, nb, qw, y, yo) -> encodeRow(x, xo, nb, qw, y, yo, weight));
    }

    @Override
    void encodeBlocks(float[] x, int nb, byte[] out) {
        encodeRow(x, 0, nb, null, out, 0, new float[SUB]);
    }

    /** ggml's per-group weights: importance × sqrt(sigma2 + x²), or x² without an importance matrix. */
    private static void weights(float[] x, int xb, float[] qw, int qwo, float sigma2, float[] weight) {
        for (int i = 0; i < SUB; i++) {
            weight[i] = qw != null ? qw[qwo + i] * (float) Math.sqrt(sigma2 + x[xb + i] * x[xb + i]) : x[xb + i] * x[xb + i];
        }
    }

    /** The level values of group {@code k} for shift choice {@code bestK}. */
    private static float[] shifted(int bestK, int k) {
        boolean plus = k == 0 ? bestK < 2 : bestK % 2 == 0;
        return plus ? Iq1Search.X_P : Iq1Search.X_M;
    }

    /** {@code quantize_row_iq1_m_impl} over one row of {@code nbl} blocks from {@code x[xo]}. */
    private static void encodeRow(float[] x, int xo, int nbl, float[] qw, byte[] y, int yo, float[] weight) {
        Iq2Lattice lattice = Iq2Lattice.iq1s();
        Iq1MSplit split = new Iq1MSplit();
        float[] scales = new float[QK / SUB];
        int[] shifts = new int[QK / SUB];
        int[] L = new int[SUB];
        int[] index = new int[SUB / 8];
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
                weights(x, xb, qw, QK * ibl + SUB * ib, sigma2, weight);
                float max = Blocks.ggmlMaxAbs(x, xb, SUB);
                if (max < EPS || !split.search(x, xb, weight, max, L)) {
                    scales[ib] = 0;
                    shifts[ib] = 0;
                    continue;
                }
                float scale = split.scale;
                int bestK = split.bestK;
                boolean allOnGrid = true;
                for (int k = 0; k < SUB / 8; k++) {
                    int u = 0;
                    for (int j = 0; j < 8; j++) {
                        u |= L[8 * k + j] << 2 * j;
                    }
                    int gridIndex = lattice.map(u);
                    if (gridIndex < 0) {
                        allOnGrid = false;
                        gridIndex = Iq1Search.bestNeighbour(lattice, -gridIndex - 1, x, xb + 8 * k, weight, 8 * k,
                                scale, shifted(bestK, k), L, 8 * k);
                    }
                    index[k] = gridIndex;
                }
                if (!allOnGrid) {
                    float sumqx = 0;
                    float sumq2 = 0;
                    for (int k = 0; k < SUB / 8; k++) {
                        float[] xx = shifted(bestK, k);
                        long pg = lattice.point(index[k]);
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
                y[o + 2 * ib] = (byte) index[0];
                y[o + 2 * ib + 1] = (byte) index[1];
                y[o + QH + ib] = (byte) ((index[0] >> 8) | (index[1] >> 8) << 4);
                if (!(scale >= 0)) {
                    throw new IllegalStateException("IQ1_M: scale " + scale + " (ggml asserts scale >= 0)");
                }
                scales[ib] = scale;
                shifts[ib] = bestK;
                maxScale = maxScale > scale ? maxScale : scale; // ggml's MAX
            }
            if (maxScale == 0) {
                continue;
            }
            int[] sc = new int[4];
            float d = maxScale / 15;
            float id = 1 / d;
            float sumqx = 0;
            float sumq2 = 0;
            for (int ib = 0; ib < QK / SUB; ib++) {
                int l = nearestInt(0.5f * (id * scales[ib] - 1));
                l = Math.max(0, Math.min(7, l));
                sc[ib / 4] |= l << 3 * (ib % 4);
                y[o + QH + ib] |= (byte) MASKS[shifts[ib]];
                int xb = xbl + SUB * ib;
                weights(x, xb, qw, QK * ibl + SUB * ib, sigma2, weight);
                int qh = y[o + QH + ib] & 0xFF;
                for (int k = 0; k < SUB / 8; k++) {
                    float[] xx = shifted(shifts[ib], k);
                    long pg = lattice.point((y[o + 2 * ib + k] & 0xFF) + ((qh << (8 - 4 * k)) & 0x700));
                    for (int j = 0; j < 8; j++) {
                        float w = weight[8 * k + j];
                        float q = xx[Iq1Search.level(pg, j)] * (2 * l + 1);
                        sumqx += w * q * x[xb + 8 * k + j];
                        sumq2 += w * q * q;
                    }
                }
            }
            if (sumq2 > 0) {
                d = sumqx / sumq2;
            }
            Bytes.putFp16(y, o + SC, d * 1.1125f); // ggml's fudge factor; iq1m_scale_t's u16 view of it
            int s = Bytes.getShort(y, o + SC) & 0xFFFF;
            sc[0] |= (s & 0x000F) << 12;
            sc[1] |= (s & 0x00F0) << 8;
            sc[2] |= (s & 0x0F00) << 4;
            sc[3] |= s & 0xF000;
            for (int i = 0; i < 4; i++) {
                Bytes.putShort(y, o + SC + 2 * i, sc[i]);
            }
        }
    }

    @Override
    void decodeBlocks(byte[] in, int nb, float[] y) {
        Iq2Lattice lattice = Iq2Lattice.iq1s();
        int[] sc = new int[4];
        for (int i = 0, yo = 0, o = 0; i < nb; i++, o += BYTES) {
            for (int k = 0; k < 4; k++) {
                sc[k] = Bytes.getShort(in, o + SC + 2 * k) & 0xFFFF;
            }
            int bits = (sc[0] >> 12) | ((sc[1] >> 8) & 0x00F0) | ((sc[2] >> 4) & 0x0F00) | (sc[3] & 0xF000);
            float d = Float.float16ToFloat((short) bits);
            for (int ib = 0; ib < QK / 32; ib++) {
                float dl1 = d * (2 * ((sc[ib / 2] >> (6 * (ib % 2))) & 7) + 1);
                float dl2 = d * (2 * ((sc[ib / 2] >> (6 * (ib % 2) + 3)) & 7) + 1);
                for (int l = 0; l < 4; l++) {
                    int qh = in[o + QH + 2 * ib + l / 2] & 0xFF;
                    int index = (in[o + 4 * ib + l] & 0xFF) | ((qh << (l % 2 == 0 ? 8 : 4)) & 0x700);
                    float delta = (qh & (l % 2 == 0 ? 0x08 : 0x80)) != 0 ? -Iq1Search.DELTA : Iq1Search.DELTA;
                    float dl = l < 2 ? dl1 : dl2;
                    for (int j = 0; j < 8; j++) {
                        y[yo++] = dl * (Iq1Search.gridValue(lattice, index, j) + delta);
                    }
                }
            }
        }
    }
}
