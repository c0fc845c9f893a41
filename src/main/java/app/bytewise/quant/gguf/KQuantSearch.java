package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * The per-sub-block scale searches of the k-quants, ported operation for operation: every product
 * and sum is its own float32 rounding, sums run left to right, and comparisons keep ggml's
 * strictness, since any reordering changes bytes. One instance holds the scratch of one encode call
 * (not thread-safe, never shared).
 */
final class KQuantSearch {

    private final int[] laux = new int[32];

    /** The offset returned by the last {@link #qkx2} call, positive: x ≈ scale·L − min. */
    float min;

    /**
     * ggml's {@code make_qkx2_quants}: an asymmetric (scale, min) fit of {@code n} values
     * {@code x[xo..]} to codes 0..nmax under weights {@code w[0..n)}, trying nstep+1 rescalings of the
     * range and keeping the least weighted error. Writes codes to {@code L[lo..]}, the offset to
     * {@link #min}, and returns the scale.
     */
    float qkx2(int n, int nmax, float[] x, int xo, float[] w, int[] L, int lo,
               float rmin, float rdelta, int nstep, boolean useMad) {
        float mn = x[xo];
        float mx = x[xo];
        float sumW = w[0];
        float sumX = sumW * x[xo];
        for (int i = 1; i < n; i++) {
            float v = x[xo + i];
            if (v < mn) {
                mn = v;
            }
            if (v > mx) {
                mx = v;
            }
            float wi = w[i];
            sumW += wi;
            sumX += wi * v;
        }
        if (mn > 0f) {
            mn = 0f; // the offset only ever shifts values up: codes start at or below zero
        }
        if (mx == mn) {
            for (int i = 0; i < n; i++) {
                L[lo + i] = 0;
            }
            min = -mn;
            return 0f;
        }
        float iscale = nmax / (mx - mn);
        float scale = 1f / iscale;
        float bestError = 0f;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            int l = Math.max(0, Math.min(nmax, nearestInt(iscale * (v - mn))));
            L[lo + i] = l;
            float diff = scale * l + mn - v;
            bestError += w[i] * (useMad ? Math.abs(diff) : diff * diff);
        }
        int[] la = laux;
        for (int s = 0; s <= nstep; s++) {
            // mn is the best offset so far, not the data minimum: the grid follows the fit (as in ggml).
            iscale = (rmin + rdelta * s + nmax) / (mx - mn);
            float sumL = 0f;
            float sumL2 = 0f;
            float sumXL = 0f;
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                int l = Math.max(0, Math.min(nmax, nearestInt(iscale * (v - mn))));
                la[i] = l;
                float wl = w[i] * l;
                sumL += wl;
                sumL2 += wl * l;
                sumXL += wl * v;
            }
            float det = sumW * sumL2 - sumL * sumL;
            if (det > 0f) {
                float thisScale = (sumW * sumXL - sumX * sumL) / det;
                float thisMin = (sumL2 * sumX - sumL * sumXL) / det;
                if (thisMin > 0f) {
                    thisMin = 0f;
                    thisScale = sumXL / sumL2;
                }
                float curError = 0f;
                for (int i = 0; i < n; i++) {
                    float diff = thisScale * la[i] + thisMin - x[xo + i];
                    curError += w[i] * (useMad ? Math.abs(diff) : diff * diff);
                }
                if (curError < bestError) {
                    System.arraycopy(la, 0, L, lo, n);
                    bestError = curError;
                    scale = thisScale;
                    mn = thisMin;
                }
            }
        }
        min = -mn;
        return scale;
    }

    /**
     * ggml's {@code make_q3_quants} with {@code do_rmse}: a symmetric fit of 16 values to codes
     * −nmax..nmax−1 under weights x², refined by up to 5 passes of single-code moves that improve
     * the (Σwxl)²/Σwl² criterion. Writes codes + nmax to {@code L[lo..]} (0 for an all-zero
     * sub-block) and returns the scale.
     */
    static float q3quant(int n, int nmax, float[] x, int xo, int[] L, int lo) {
        float max = Blocks.signedMaxAbs(x, xo, n);
        if (Math.abs(max) < Blocks.GROUP_MAX_EPS) {
            for (int i = 0; i < n; i++) {
                L[lo + i] = 0;
            }
            return 0f;
        }
        float iscale = (float) -nmax / max;
        float sumlx = 0f;
        float suml2 = 0f;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * v)));
            L[lo + i] = l;
            float w = v * v;
            sumlx += w * v * l;
            suml2 += w * l * l;
        }
        for (int pass = 0; pass < 5; pass++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                float w = v * v;
                int li = L[lo + i];
                float slx = sumlx - w * v * li;
                if (slx > 0f) {
                    float sl2 = suml2 - w * li * li;
                    int nl = Math.max(-nmax, Math.min(nmax - 1, nearestInt(v * sl2 / slx)));
                    if (nl != li) {
                        slx += w * v * nl;
                        sl2 += w * nl * nl;
                        if (sl2 > 0f && slx * slx * suml2 > sumlx * sumlx * sl2) {
                            L[lo + i] = nl;
                            sumlx = slx;
                            suml2 = sl2;
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            L[lo + i] += nmax;
        }
        return sumlx / suml2;
    }

    /**
     * ggml's {@code make_qx_quants} with {@code rmse_type=1} and no importance weights (so w = x²):
     * a symmetric fit of {@code n} (at most 32) values to codes −nmax..nmax−1, trying 18 slightly
     * different inverse scales and keeping the best (Σwxl)²/Σwl². Writes codes + nmax to
     * {@code L[lo..]} (0, not nmax, for an all-zero sub-block) and returns the scale.
     * C's sums {@code w*x[i]*l} and {@code w*l*l} round as ((w·x)·l) and ((w·l)·l), so w and w·x
     * are the same floats on every try and are computed once; the codes of a try are found in a
     * pass of their own (which vectorizes), then summed left to right as C sums them.
     */
    float qxquant(int n, int nmax, float[] x, int xo, int[] L, int lo) {
        float max = Blocks.signedMaxAbs(x, xo, n);
        if (Math.abs(max) < Blocks.GROUP_MAX_EPS) {
            for (int i = 0; i < n; i++) {
                L[lo + i] = 0;
            }
            return 0f;
        }
        float[] w = qw;
        float[] wx = qwx;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            w[i] = v * v;
            wx[i] = w[i] * v;
        }
        float iscale = (float) -nmax / max;
        trySums(n, nmax, x, xo, iscale);
        for (int i = 0; i < n; i++) {
            L[lo + i] = laux[i] + nmax;
        }
        float scale = sumL2 != 0f ? sumLX / sumL2 : 0f;
        float best = scale * sumLX;
        for (int t = -9; t <= 9; t++) {
            if (t == 0) {
                continue;
            }
            iscale = -(nmax + 0.1f * t) / max;
            trySums(n, nmax, x, xo, iscale);
            if (sumL2 > 0f && sumLX * sumLX > best * sumL2) {
                for (int i = 0; i < n; i++) {
                    L[lo + i] = laux[i] + nmax;
                }
                scale = sumLX / sumL2;
                best = scale * sumLX;
            }
        }
        return scale;
    }

    private final float[] qw = new float[32];
    private final float[] qwx = new float[32];
    private final float[] ql = new float[32];
    private float sumLX;
    private float sumL2;

    /** One try of {@link #qxquant}: codes into {@link #laux}, Σ(w·x)·l and Σ(w·l)·l into sumLX and sumL2. */
    private void trySums(int n, int nmax, float[] x, int xo, float iscale) {
        int[] la = laux;
        float[] lf = ql;
        for (int i = 0; i < n; i++) {
            int l = Math.max(-nmax, Math.min(nmax - 1, nearestInt(iscale * x[xo + i])));
            la[i] = l;
            lf[i] = l;
        }
        float[] w = qw;
        float[] wx = qwx;
        float slx = 0f;
        float sl2 = 0f;
        for (int i = 0; i < n; i++) {
            float l = lf[i];
            slx += wx[i] * l;
            sl2 += w[i] * l * l;
        }
        sumLX = slx;
        sumL2 = sl2;
    }
}
