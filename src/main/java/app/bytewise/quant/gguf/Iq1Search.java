package app.bytewise.quant.gguf;

/**
 * What IQ1_S and IQ1_M share in ggml's quantizers (ggml/src/ggml-quants.c): the ascending order of a
 * group's values as {@code qsort(pairs, n, 8, iq1_sort_helper)} leaves it, the nearest grid point of
 * {@code iq1_find_best_neighbour2}, the decoded grid {@code iq1s_grid} of ggml-common.h, and the
 * importance-matrix argument checks of {@code quantize_iq1_s}/{@code quantize_iq1_m}.
 */
final class Iq1Search {

    /** {@code IQ1S_DELTA} and {@code IQ1M_DELTA} (ggml-common.h): both 0.125. */
    static final float DELTA = 0.125f;
    /** {@code x_p}: levels −1, 0, +1 shifted up by the delta, as the quantizers build them in float. */
    static final float[] X_P = {-1 + DELTA, DELTA, 1 + DELTA};
    /** {@code x_m}: shifted down. */
    static final float[] X_M = {-1 - DELTA, -DELTA, 1 - DELTA};

    private Iq1Search() {
    }

    /**
     * {@code iq1s_grid[index]} byte {@code j} (ggml-common.h): the point's level (0, 1, 2) minus one.
     * The lattice stores {@code 2·level + 1}, so kgrid_1bit_2048 gives both tables.
     */
    static int gridValue(Iq2Lattice lattice, int index, int j) {
        return level(lattice.point(index), j) - 1;
    }

    /** {@code (pg[j] − 1)/2}: the level of coordinate {@code j} of a packed lattice point. */
    static int level(long point, int j) {
        return ((int) (point >>> 8 * j & 0xFF) - 1) / 2;
    }

    /**
     * glibc 2.36's {@code qsort} of (value, index) pairs with {@code iq1_sort_helper}: for arrays this
     * small it is {@code msort_with_tmp} (stdlib/msort.c), a top-down merge sort splitting
     * {@code n1 = n/2} and taking from the left run when {@code cmp <= 0}. Ported rather than replaced
     * by a library sort because the comparator calls NaN equal to everything, so the order it leaves
     * depends on exactly which pairs get compared.
     */
    static void sort(float[] v, int[] idx, int n, float[] tmpV, int[] tmpI) {
        msort(v, idx, 0, n, tmpV, tmpI);
    }

    private static void msort(float[] v, int[] idx, int b, int n, float[] tmpV, int[] tmpI) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        msort(v, idx, b, n1, tmpV, tmpI);
        msort(v, idx, b + n1, n2, tmpV, tmpI);
        int b1 = b;
        int b2 = b + n1;
        int t = 0;
        while (n1 > 0 && n2 > 0) {
            if (!(v[b1] > v[b2])) { // iq1_sort_helper(b1, b2) <= 0
                tmpV[t] = v[b1];
                tmpI[t++] = idx[b1++];
                n1--;
            } else {
                tmpV[t] = v[b2];
                tmpI[t++] = idx[b2++];
                n2--;
            }
        }
        for (; n1 > 0; n1--) {
            tmpV[t] = v[b1];
            tmpI[t++] = idx[b1++];
        }
        // the rest of the right run is already in place
        System.arraycopy(tmpV, 0, v, b, t);
        System.arraycopy(tmpI, 0, idx, b, t);
    }

    /**
     * ggml's {@code iq1_find_best_neighbour2}: among the neighbour list at {@code offset}, the grid
     * point of least weighted squared error {@code Σ w·(scale·xg[level] − x)²} (first one on ties),
     * its levels written to {@code L[lo..lo+8)}. When none has an error below FLT_MAX, ggml scans the
     * whole grid, reading {@code xval[i]} with the grid index {@code i} (past the 8 values, into the
     * rest of the source array, which is {@code x} here); beyond that array, or if still nothing is
     * found, ggml reads foreign memory or aborts, and so this throws.
     */
    static int bestNeighbour(Iq2Lattice lattice, int offset, float[] x, int xo, float[] weight, int wo,
                             float scale, float[] xg, int[] L, int lo) {
        int count = lattice.neighbour(offset);
        float bestScore = Float.MAX_VALUE;
        int gridIndex = -1;
        for (int j = 1; j <= count; j++) {
            int k = lattice.neighbour(offset + j);
            long pg = lattice.point(k);
            float d2 = 0;
            for (int i = 0; i < 8; i++) {
                float q = xg[level(pg, i)];
                float w = weight[wo + i];
                float diff = scale * q - x[xo + i];
                d2 += w * diff * diff;
            }
            if (d2 < bestScore) {
                bestScore = d2;
                gridIndex = k;
            }
        }
        if (gridIndex < 0) {
            for (int i = 0; i < lattice.size(); i++) {
                long pg = lattice.point(i);
                if (xo + i >= x.length) {
                    throw new IllegalStateException("IQ1: no grid point fits (scale " + scale
                            + "); ggml would read past its input here");
                }
                float d2 = 0;
                for (int j = 0; j < 8; j++) {
                    float w = weight[wo + j];
                    float q = xg[level(pg, j)];
                    float diff = scale * q - x[xo + i]; // sic: ggml indexes by the grid point
                    d2 += w * diff * diff;
                }
                if (d2 < bestScore) {
                    bestScore = d2;
                    gridIndex = i;
                }
            }
        }
        if (gridIndex < 0) {
            throw new IllegalStateException("IQ1: no grid point fits (scale " + scale + "); ggml aborts here");
        }
        long pg = lattice.point(gridIndex);
        for (int i = 0; i < 8; i++) {
            L[lo + i] = level(pg, i);
        }
        return gridIndex;
    }
}
