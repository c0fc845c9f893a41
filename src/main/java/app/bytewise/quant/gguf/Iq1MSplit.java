package app.bytewise.quant.gguf;

/**
 * IQ1_M's exact search of a 16-value group's levels, as {@code quantize_row_iq1_m_impl}
 * (ggml/src/ggml-quants.c) does it: the values sorted ascending, every pair of boundaries
 * {@code i1 ≤ i2} splitting them into levels −1, 0, +1, and for each the four shift choices of the
 * two halves (x_p or x_m each), scored by {@code sumqx²/sumq2}. Prefix sums are kept per half, since
 * each half may shift differently; with level steps of 1 the three-group sum collapses to
 * {@code T·v[2] − px[i1] − px[i2]}, evaluated in ggml's order. Work arrays are reused between groups
 * of one encode call.
 */
final class Iq1MSplit {

    private static final int N = 16;
    private static final float P2 = Iq1Search.X_P[2];
    private static final float M2 = Iq1Search.X_M[2];
    private static final float CP1 = Iq1Search.X_P[0] * Iq1Search.X_P[0] - Iq1Search.X_P[1] * Iq1Search.X_P[1];
    private static final float CP2 = Iq1Search.X_P[1] * Iq1Search.X_P[1] - Iq1Search.X_P[2] * Iq1Search.X_P[2];
    private static final float CM1 = Iq1Search.X_M[0] * Iq1Search.X_M[0] - Iq1Search.X_M[1] * Iq1Search.X_M[1];
    private static final float CM2 = Iq1Search.X_M[1] * Iq1Search.X_M[1] - Iq1Search.X_M[2] * Iq1Search.X_M[2];

    private final float[] pairs = new float[N];
    private final int[] idx = new int[N];
    private final float[] tmpV = new float[N];
    private final int[] tmpI = new int[N];
    private final float[][] px = new float[2][N + 1];
    private final float[][] pw = new float[2][N + 1];
    private final float[] sumqx = new float[4];
    private final float[] sumq2 = new float[4];

    /** The best split's scale (made non-negative) and shift choice: 0 (+,+), 1 (+,−), 2 (−,+), 3 (−,−). */
    float scale;
    int bestK;

    /**
     * Searches {@code x[xb..xb+16)} weighted by {@code weight}; false if no split scores (ggml then
     * zeroes the group), else the levels are in {@code L} and {@link #scale}, {@link #bestK} set.
     */
    boolean search(float[] x, int xb, float[] weight, float max, int[] L) {
        for (int j = 0; j < N; j++) {
            pairs[j] = x[xb + j];
            idx[j] = j;
        }
        Iq1Search.sort(pairs, idx, N, tmpV, tmpI);
        px[0][0] = px[1][0] = 0;
        pw[0][0] = pw[1][0] = 0;
        for (int j = 0; j < N; j++) {
            int i = idx[j];
            int h = i < N / 2 ? 0 : 1;
            px[h][j + 1] = px[h][j] + weight[i] * x[xb + i];
            px[1 - h][j + 1] = px[1 - h][j];
            pw[h][j + 1] = pw[h][j] + weight[i];
            pw[1 - h][j + 1] = pw[1 - h][j];
        }
        float txs0 = px[0][N];
        float txs1 = px[1][N];
        float tws0 = pw[0][N];
        float tws1 = pw[1][N];
        float bestScore = -Float.MAX_VALUE;
        float best = max;
        int besti1 = -1;
        int besti2 = -1;
        int k0 = -1;
        for (int i1 = 0; i1 <= N; i1++) {
            for (int i2 = i1; i2 <= N; i2++) {
                float sx0 = px[0][i1] + px[0][i2];
                float qxp0 = txs0 * P2 - sx0;
                float qxm0 = txs0 * M2 - sx0;
                float q2p0 = tws0 * P2 * P2 + pw[0][i1] * CP1 + pw[0][i2] * CP2;
                float q2m0 = tws0 * M2 * M2 + pw[0][i1] * CM1 + pw[0][i2] * CM2;
                float sx1 = px[1][i1] + px[1][i2];
                float qxp1 = txs1 * P2 - sx1;
                float qxm1 = txs1 * M2 - sx1;
                float q2p1 = tws1 * P2 * P2 + pw[1][i1] * CP1 + pw[1][i2] * CP2;
                float q2m1 = tws1 * M2 * M2 + pw[1][i1] * CM1 + pw[1][i2] * CM2;
                sumqx[0] = qxp0 + qxp1;
                sumqx[1] = qxp0 + qxm1;
                sumqx[2] = qxm0 + qxp1;
                sumqx[3] = qxm0 + qxm1;
                sumq2[0] = q2p0 + q2p1;
                sumq2[1] = q2p0 + q2m1;
                sumq2[2] = q2m0 + q2p1;
                sumq2[3] = q2m0 + q2m1;
                for (int k = 0; k < 4; k++) {
                    if (sumq2[k] > 0 && sumqx[k] * sumqx[k] > bestScore * sumq2[k]) {
                        best = sumqx[k] / sumq2[k];
                        bestScore = best * sumqx[k];
                        besti1 = i1;
                        besti2 = i2;
                        k0 = k;
                    }
                }
            }
        }
        if (besti1 < 0 || besti2 < 0 || k0 < 0) {
            return false;
        }
        for (int j = 0; j < besti1; j++) {
            L[idx[j]] = 0;
        }
        for (int j = besti1; j < besti2; j++) {
            L[idx[j]] = 1;
        }
        for (int j = besti2; j < N; j++) {
            L[idx[j]] = 2;
        }
        if (best < 0) {
            for (int j = 0; j < N; j++) {
                L[j] = 2 - L[j];
            }
            best = -best;
            k0 = 3 - k0; // 0 ↔ 3, 1 ↔ 2: both halves' shifts flip
        }
        scale = best;
        bestK = k0;
        return true;
    }
}
