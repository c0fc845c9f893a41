package app.bytewise.quant.method;

import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.stream.IntStream;

/**
 * INT8 matrix products with vector-wise scales: each row of X (token) and each row of W (output
 * channel) gets its own absmax/127 scale, the product is accumulated in integers and rescaled by
 * the outer product of the scales (Dettmers et al. 2022, LLM.int8(), §3.1). Shared by LLM.int8()
 * and SmoothQuant.
 */
final class Int8Matmul {

    private Int8Matmul() {
    }

    /** Y ≈ X·Wᵀ over the columns where {@code use[j]} is true; the other columns contribute nothing. */
    static float[] product(FloatMatrix x, FloatMatrix w, boolean[] use) {
        int tokens = x.rows();
        int out = w.rows();
        int n = x.cols();
        byte[] xq = new byte[tokens * n];
        float[] sx = rowScales(x.data(), tokens, n, use, xq);
        byte[] wq = new byte[out * n];
        float[] sw = rowScales(w.data(), out, n, use, wq);
        float[] y = new float[tokens * out];
        IntStream.range(0, tokens).parallel().forEach(t -> {
            for (int o = 0; o < out; o++) {
                long acc = 0;
                for (int j = 0; j < n; j++) {
                    acc += xq[t * n + j] * wq[o * n + j];
                }
                y[t * out + o] = (float) (acc * ((double) sx[t] * sw[o]));
            }
        });
        return y;
    }

    /** absmax/127 per row over the used columns; codes rounded half-to-even like torch.round. */
    static float[] rowScales(float[] values, int rows, int n, boolean[] use, byte[] codes) {
        float[] scales = new float[rows];
        for (int r = 0; r < rows; r++) {
            float absmax = 0;
            for (int j = 0; j < n; j++) {
                if (use[j]) {
                    absmax = Math.max(absmax, Math.abs(values[r * n + j]));
                }
            }
            float scale = absmax / 127f;
            scales[r] = scale;
            for (int j = 0; j < n; j++) {
                codes[r * n + j] = use[j] && scale != 0 ? (byte) Math.rint(values[r * n + j] / scale) : 0;
            }
        }
        return scales;
    }

    static MatmulResult result(String method, FloatMatrix x, FloatMatrix w, float[] y, long weightBits, int[] outliers) {
        FloatMatrix output = new FloatMatrix(x.rows(), w.rows(), y);
        return new MatmulResult(method, output, ErrorMetrics.between(x.timesTransposed(w).data(), y), weightBits, outliers);
    }
}
