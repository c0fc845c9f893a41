package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.Rounding.nearestInt;

/**
 * ggml's {@code make_qp_quants} (ggml/src/ggml-quants.c): a weighted fit of non-negative values to
 * codes 0..nmax with no offset, trying 8 nearby inverse scales by weighted squared error, then up
 * to 5 passes of single-code moves that improve (Σwxl)²/Σwl². ggml stores the codes as uint8, so a
 * negative code (from a negative input) reads back as its two's-complement byte; that is kept.
 */
final class QpQuants {

    private QpQuants() {
    }

    /**
     * Fits {@code x[xo..xo+n)} under weights {@code w[wo..]}, writes the codes (as unsigned bytes) to
     * {@code L[lo..]} and returns the scale.
     */
    static float fit(int n, int nmax, float[] x, int xo, int[] L, int lo, float[] w, int wo) {
        float max = 0f;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            max = max > v ? max : v; // ggml's MAX
        }
        if (max < Blocks.GROUP_MAX_EPS) {
            for (int i = 0; i < n; i++) {
                L[lo + i] = 0;
            }
            return 0f;
        }
        float iscale = nmax / max;
        for (int i = 0; i < n; i++) {
            L[lo + i] = nearestInt(iscale * x[xo + i]) & 0xFF;
        }
        float scale = 1 / iscale;
        float bestMse = 0f;
        for (int i = 0; i < n; i++) {
            float diff = x[xo + i] - scale * L[lo + i];
            bestMse += w[wo + i] * diff * diff;
        }
        for (int is = -4; is <= 4; is++) {
            if (is == 0) {
                continue;
            }
            float iscaleIs = (0.1f * is + nmax) / max;
            float scaleIs = 1 / iscaleIs;
            float mse = 0f;
            for (int i = 0; i < n; i++) {
                int l = Math.min(nmax, nearestInt(iscaleIs * x[xo + i]));
                float diff = x[xo + i] - scaleIs * l;
                mse += w[wo + i] * diff * diff;
            }
            if (mse < bestMse) {
                bestMse = mse;
                iscale = iscaleIs;
            }
        }
        float sumlx = 0f;
        float suml2 = 0f;
        for (int i = 0; i < n; i++) {
            float v = x[xo + i];
            int l = Math.min(nmax, nearestInt(iscale * v));
            L[lo + i] = l & 0xFF;
            float wi = w[wo + i];
            sumlx += wi * v * l;
            suml2 += wi * l * l;
        }
        for (int pass = 0; pass < 5; pass++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                float wi = w[wo + i];
                int li = L[lo + i];
                float slx = sumlx - wi * v * li;
                float sl2 = suml2 - wi * li * li;
                if (slx > 0f && sl2 > 0f) {
                    int nl = Math.min(nmax, nearestInt(v * sl2 / slx));
                    if (nl != li) {
                        slx += wi * v * nl;
                        sl2 += wi * nl * nl;
                        if (slx * slx * suml2 > sumlx * sumlx * sl2) {
                            L[lo + i] = nl & 0xFF;
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
        return suml2 > 0f ? sumlx / suml2 : 0f;
    }
}
