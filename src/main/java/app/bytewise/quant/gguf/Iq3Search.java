package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * The per-32 scale and lattice search that IQ3_XXS and IQ3_S share: the body of
 * {@code quantize_row_iq3_xxs_impl} and {@code quantize_row_iq3_s_impl} between the sign split and
 * the packing, with {@code iq3_find_best_neighbour} (ggml/src/ggml-quants.c). Holds the scratch of
 * one encode call (ggml's stack arrays), so an instance is used by one thread for one call.
 */
final class Iq3Search {

    static final int SUB = 32;
    private static final int GROUPS = SUB / 4;
    /** ggml's {@code kMaxQ}: 8 levels per coordinate. */
    private static final int K_MAX_Q = 8;

    private final Iq3Lattice lattice;
    private final int steps;
    private final boolean xxs;
    final float[] weight = new float[SUB];
    final float[] xval = new float[SUB];
    private final float[] waux = new float[SUB];
    /** The chosen 3-bit levels of the 32 values, ggml's {@code L}. */
    final int[] levels = new int[SUB];
    private final int[] laux = new int[SUB];
    private final boolean[] onGrid = new boolean[GROUPS];
    private final boolean[] onGridAux = new boolean[GROUPS];

    /**
     * IQ3_XXS ({@code xxs}): 31 trial scales, groups start as on the grid and only off-grid groups
     * are re-picked; IQ3_S: 19 trial scales, groups start as off the grid and all are re-picked.
     */
    Iq3Search(Iq3Lattice lattice, boolean xxs) {
        this.lattice = lattice;
        this.xxs = xxs;
        this.steps = xxs ? 15 : 9;
    }

    /** {@code sigma2 = 2·Σx²/QK_K} of the 256 values at {@code xo}, summed in order as ggml does. */
    static float sigma2(float[] x, int xo) {
        float sumx2 = 0f;
        for (int i = 0; i < 256; i++) {
            sumx2 += x[xo + i] * x[xo + i];
        }
        return 2 * sumx2 / 256;
    }

    /**
     * The weights of the 32 values at {@code xo}: {@code qw·sqrt(sigma2 + x²)} with an importance
     * matrix ({@code importance[io..]}), {@code x²} without; and their square roots for the
     * neighbour search.
     */
    void weigh(float[] x, int xo, float[] importance, int io, float sigma2) {
        for (int i = 0; i < SUB; i++) {
            float v = x[xo + i];
            weight[i] = importance != null ? importance[io + i] * (float) Math.sqrt(sigma2 + v * v) : v * v;
        }
        for (int i = 0; i < SUB; i++) {
            waux[i] = (float) Math.sqrt(weight[i]);
        }
    }

    /** ggml's {@code max = MAX(max, xval[i])} from {@code xval[0]}. */
    float maxValue() {
        float max = xval[0];
        for (int i = 1; i < SUB; i++) {
            max = max > xval[i] ? max : xval[i];
        }
        return max;
    }

    /**
     * The scale of the 32 magnitudes in {@code xval} (largest {@code max}), leaving their grid levels
     * in {@link #levels}: trial scales around {@code max/15}, each group rounded to the lattice or
     * to its best neighbour, the best least-squares fit kept; then off-grid groups re-picked at that
     * scale and the scale refitted.
     */
    float scale(float max) {
        java.util.Arrays.fill(levels, 0);
        float best = 0f;
        float scale = max / (2 * K_MAX_Q - 1);
        java.util.Arrays.fill(onGrid, xxs);
        for (int is = -steps; is <= steps; is++) {
            float id = (2 * K_MAX_Q - 1 + is * 0.2f) / max;
            float thisScale = 1 / id;
            for (int k = 0; k < GROUPS; k++) {
                int u = 0;
                for (int i = 0; i < 4; i++) {
                    int l = nearestInt(0.5f * (id * xval[4 * k + i] - 1));
                    laux[4 * k + i] = Math.max(0, Math.min(K_MAX_Q - 1, l));
                    u |= laux[4 * k + i] << 3 * i;
                }
                onGridAux[k] = true;
                if (lattice.map(u) < 0) {
                    onGridAux[k] = false;
                    bestNeighbour(-lattice.map(u) - 1, 4 * k, thisScale, laux);
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
                System.arraycopy(laux, 0, levels, 0, SUB);
                System.arraycopy(onGridAux, 0, onGrid, 0, GROUPS);
            }
        }
        boolean anyOff = false;
        for (boolean on : onGrid) {
            anyOff |= !on;
        }
        if (anyOff && scale > 0) {
            float id = 1 / scale;
            for (int k = 0; k < GROUPS; k++) {
                if (xxs && onGrid[k]) {
                    continue; // IQ3_S re-picks every group (ggml comments this skip out there)
                }
                int u = 0;
                for (int i = 0; i < 4; i++) {
                    int l = nearestInt(0.5f * (id * xval[4 * k + i] - 1));
                    u |= Math.max(0, Math.min(K_MAX_Q - 1, l)) << 3 * i;
                }
                int index = lattice.map(u);
                if (index < 0) {
                    index = bestNeighbour(-index - 1, 4 * k, scale, levels);
                }
                setLevels(index, 4 * k, levels);
            }
            float sumqx = 0f;
            float sumq2 = 0f;
            for (int i = 0; i < SUB; i++) {
                float w = weight[i];
                float q = 2 * levels[i] + 1;
                sumqx += w * xval[i] * q;
                sumq2 += w * q * q;
            }
            if (sumq2 > 0) {
                scale = sumqx / sumq2;
            }
        }
        return scale;
    }

    /** The grid index of group {@code k}'s levels; ggml aborts ("Oops") on a point off the grid. */
    int gridIndex(int k) {
        int u = 0;
        for (int i = 0; i < 4; i++) {
            u |= levels[4 * k + i] << 3 * i;
        }
        int index = lattice.map(u);
        if (index < 0) {
            throw new IllegalStateException("point " + u + " is not on the grid (ggml aborts)");
        }
        return index;
    }

    /**
     * {@code iq3_find_best_neighbour}: the listed neighbour with the least weighted squared error at
     * {@code scale}, the first on ties; its levels go to {@code L[at..at+4)}. ggml asserts that one
     * exists: when every error is infinite or NaN (weights overflow for values above ~1.8e19) it
     * aborts, and so does this, with an exception.
     */
    private int bestNeighbour(int offset, int at, float scale, int[] L) {
        int count = lattice.neighbour(offset);
        float bestD2 = Float.MAX_VALUE;
        int best = -1;
        for (int j = 1; j <= count; j++) {
            int candidate = lattice.neighbour(offset + j);
            int p = lattice.point(candidate);
            float d2 = 0f;
            for (int i = 0; i < 4; i++) {
                float q = Iq3Lattice.coordinate(p, i);
                float diff = scale * q - xval[at + i];
                d2 += waux[at + i] * diff * diff;
            }
            if (d2 < bestD2) {
                bestD2 = d2;
                best = candidate;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no neighbour with a finite error (ggml asserts grid_index >= 0"
                    + " and aborts): values too large for IQ3, their squares overflow");
        }
        setLevels(best, at, L);
        return best;
    }

    private void setLevels(int index, int at, int[] L) {
        int p = lattice.point(index);
        for (int i = 0; i < 4; i++) {
            L[at + i] = (Iq3Lattice.coordinate(p, i) - 1) / 2;
        }
    }
}
