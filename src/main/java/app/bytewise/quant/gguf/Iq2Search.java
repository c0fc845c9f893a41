package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * The lattice searches the IQ2 quantizers share (ggml/src/ggml-quants.c): the sign folding of
 * {@code quantize_row_iq2_xxs_impl}/{@code _xs_impl}, {@code iq2_find_best_neighbour}, and the
 * 16-value scale search of {@code quantize_row_iq2_xs_impl} and {@code quantize_row_iq2_s_impl}
 * (identical in both). Values are searched as magnitudes {@code xval}; codes are 2-bit levels
 * {@code l}, standing for the lattice coordinate {@code 2l + 1}. Float operations in ggml's order.
 * One instance holds the scratch of one encode call (not thread-safe, never shared).
 */
final class Iq2Search {

    /** ggml's {@code kMaxQ}: 3 levels per coordinate are searched. */
    static final int MAX_Q = 3;

    private final Iq2Lattice lattice;
    private final int[] laux = new int[32];
    private final boolean[] onGrid = new boolean[2];
    private final boolean[] onGridAux = new boolean[2];

    Iq2Search(Iq2Lattice lattice) {
        this.lattice = lattice;
    }

    Iq2Lattice lattice() {
        return lattice;
    }

    /**
     * The magnitudes of {@code x[xo..xo+8)} into {@code xval[vo..]} and their sign bits, returned;
     * an odd number of negatives is made even by keeping the sign of the value with the least
     * {@code w·x²} (its magnitude turns negative), as the 7-bit sign fields require.
     */
    static int foldSigns(float[] x, int xo, float[] weight, int wo, float[] xval, int vo) {
        int nflip = 0;
        int s = 0;
        for (int i = 0; i < 8; i++) {
            float v = x[xo + i];
            if (v >= 0) {
                xval[vo + i] = v;
            } else {
                xval[vo + i] = -v;
                nflip++;
                s |= 1 << i;
            }
        }
        if (nflip % 2 != 0) {
            int imin = 0;
            float min = weight[wo] * x[xo] * x[xo];
            for (int i = 1; i < 8; i++) {
                float ax = weight[wo + i] * x[xo + i] * x[xo + i];
                if (ax < min) {
                    min = ax;
                    imin = i;
                }
            }
            xval[vo + imin] = -xval[vo + imin];
            s ^= 1 << imin;
        }
        return s & 127;
    }

    /** ggml's {@code MAX} over {@code xval[0..n)}, from {@code xval[0]}. */
    static float max(float[] xval, int n) {
        float max = xval[0];
        for (int i = 1; i < n; i++) {
            max = max > xval[i] ? max : xval[i];
        }
        return max;
    }

    /** The lattice index of the 8 levels {@code L[lo..lo+8)}: 2 bits each, coordinate 0 lowest. */
    static int index(int[] L, int lo) {
        int u = 0;
        for (int i = 0; i < 8; i++) {
            u |= L[lo + i] << 2 * i;
        }
        return u & 0xFFFF; // ggml's uint16_t u
    }

    /** The 8 levels nearest {@code id·xval[vo..]} ({@code nearest_int(0.5(id·x − 1))} clamped to 0..2) into {@code L[lo..]}. */
    static void levels(float id, float[] xval, int vo, int[] L, int lo) {
        for (int i = 0; i < 8; i++) {
            int l = nearestInt(0.5f * (id * xval[vo + i] - 1));
            L[lo + i] = Math.max(0, Math.min(MAX_Q - 1, l));
        }
    }

    /**
     * The grid index of levels {@code L[lo..]}, as ggml's final packing looks it up: a point off the
     * grid there is ggml's {@code GGML_ABORT} ("found point not on grid").
     */
    int gridIndex(int[] L, int lo) {
        int u = index(L, lo);
        int g = u < Iq2Lattice.MAP_SIZE ? lattice.map(u) : -1;
        if (g < 0) {
            throw new IllegalStateException("levels " + u + " are not on the grid (ggml aborts here)");
        }
        return g;
    }

    /**
     * ggml's {@code iq2_find_best_neighbour}: among the neighbour list at map entry {@code mapped}
     * (negative), the grid point of least {@code Σ w(scale·q − x)²}, strictly smaller first wins;
     * its levels go to {@code L[lo..]}. ggml asserts that one was found (none is when every
     * distance is NaN or at least FLT_MAX).
     */
    int bestNeighbour(int mapped, float[] xval, int vo, float[] waux, float scale, int[] L, int lo) {
        int offset = -mapped - 1;
        int count = lattice.neighbour(offset);
        float bestD2 = Float.MAX_VALUE;
        int best = -1;
        for (int j = 1; j <= count; j++) {
            int k = lattice.neighbour(offset + j);
            long pg = lattice.point(k);
            float d2 = 0f;
            for (int i = 0; i < 8; i++) {
                float q = (byte) (pg >>> 8 * i);
                float diff = scale * q - xval[vo + i];
                d2 += waux[vo + i] * diff * diff;
            }
            if (d2 < bestD2) {
                bestD2 = d2;
                best = k;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no grid neighbour at a finite distance (ggml's assertion fails)");
        }
        long pg = lattice.point(best);
        for (int i = 0; i < 8; i++) {
            L[lo + i] = ((byte) (pg >>> 8 * i) - 1) / 2;
        }
        return best;
    }

    /**
     * The scale search of a 16-value sub-block in {@code quantize_row_iq2_xs_impl} and
     * {@code quantize_row_iq2_s_impl}: 19 inverse scales around 5/max, each rounding both halves to
     * the lattice (off-grid halves to their best neighbour), keeping the best (Σwxq)²/Σwq²; then the
     * halves that were off the grid are re-rounded with the chosen scale and the scale refitted.
     * {@code max} is {@link #max} of {@code xval}, not below the caller's all-zero threshold.
     * Writes the levels to {@code L[0..16)} and returns the (possibly negative) scale.
     */
    float search16(float max, float[] xval, float[] weight, float[] waux, int[] L) {
        java.util.Arrays.fill(L, 0, 16, 0);
        float best = 0f;
        float scale = max / (2 * MAX_Q - 1);
        onGrid[0] = onGrid[1] = true;
        for (int is = -9; is <= 9; is++) {
            float id = (2 * MAX_Q - 1 + is * 0.1f) / max;
            float thisScale = 1 / id;
            for (int k = 0; k < 2; k++) {
                levels(id, xval, 8 * k, laux, 8 * k);
                int g = lattice.map(index(laux, 8 * k));
                onGridAux[k] = true;
                if (g < 0) {
                    onGridAux[k] = false;
                    bestNeighbour(g, xval, 8 * k, waux, thisScale, laux, 8 * k);
                }
            }
            float sumqx = 0f;
            float sumq2 = 0f;
            for (int i = 0; i < 16; i++) {
                float w = weight[i];
                float q = 2 * laux[i] + 1;
                sumqx += w * xval[i] * q;
                sumq2 += w * q * q;
            }
            if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
                scale = sumqx / sumq2;
                best = scale * sumqx;
                System.arraycopy(laux, 0, L, 0, 16);
                onGrid[0] = onGridAux[0];
                onGrid[1] = onGridAux[1];
            }
        }
        if ((!onGrid[0] || !onGrid[1]) && scale > 0) {
            float id = 1 / scale;
            for (int k = 0; k < 2; k++) {
                if (onGrid[k]) {
                    continue;
                }
                levels(id, xval, 8 * k, L, 8 * k);
                int g = lattice.map(index(L, 8 * k));
                if (g < 0) {
                    bestNeighbour(g, xval, 8 * k, waux, scale, L, 8 * k);
                }
            }
            float sumqx = 0f;
            float sumq2 = 0f;
            for (int i = 0; i < 16; i++) {
                float w = weight[i];
                float q = 2 * L[i] + 1;
                sumqx += w * xval[i] * q;
                sumq2 += w * q * q;
            }
            if (sumq2 > 0) {
                scale = sumqx / sumq2;
            }
        }
        return scale;
    }
}
