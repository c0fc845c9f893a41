package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.tensor.FloatMatrix;

/**
 * SmoothQuant (Xiao et al. 2023, §4): migrate quantization difficulty from activations to weights
 * with a per-input-channel factor s_j = max|X_j|^α / max|W_j|^(1−α), so X·diag(s)⁻¹ and W·diag(s)
 * are both easy to quantize, then run the product in W8A8: INT8 activations per token and INT8
 * weights per output channel. α is the migration strength (0.5 by default).
 */
public final class SmoothQuant {

    public static final double DEFAULT_ALPHA = 0.5;

    private SmoothQuant() {
    }

    public static MatmulResult multiply(FloatMatrix x, FloatMatrix w, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new InvalidInputException("alpha", "The migration strength α must be between 0 and 1.");
        }
        int n = x.cols();
        float[] s = factors(x, w, alpha);
        float[] xs = x.data().clone();
        for (int t = 0; t < x.rows(); t++) {
            for (int j = 0; j < n; j++) {
                xs[t * n + j] /= s[j];
            }
        }
        float[] ws = w.data().clone();
        for (int o = 0; o < w.rows(); o++) {
            for (int j = 0; j < n; j++) {
                ws[o * n + j] *= s[j];
            }
        }
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        float[] y = Int8Matmul.product(new FloatMatrix(x.rows(), n, xs), new FloatMatrix(w.rows(), n, ws), all);
        return Int8Matmul.result(String.format(java.util.Locale.ROOT, "SmoothQuant W8A8 (α = %.2f)", alpha), x, w, y,
                (long) w.rows() * n * 8 + (long) w.rows() * 32, new int[0]);
    }

    /** s_j = max|X_j|^α / max|W_j|^(1−α), with s_j = 1 for a channel that is zero on either side. */
    static float[] factors(FloatMatrix x, FloatMatrix w, double alpha) {
        int n = x.cols();
        double[] xMax = columnAbsMax(x);
        double[] wMax = columnAbsMax(w);
        float[] s = new float[n];
        for (int j = 0; j < n; j++) {
            s[j] = xMax[j] == 0 || wMax[j] == 0 ? 1f
                    : (float) (Math.pow(xMax[j], alpha) / Math.pow(wMax[j], 1 - alpha));
        }
        return s;
    }

    private static double[] columnAbsMax(FloatMatrix m) {
        double[] max = new double[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int j = 0; j < m.cols(); j++) {
                max[j] = Math.max(max[j], Math.abs(m.get(r, j)));
            }
        }
        return max;
    }
}
