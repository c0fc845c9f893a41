package app.bytewise.quant.method;

import app.bytewise.quant.tensor.FloatMatrix;
import java.util.stream.IntStream;

/**
 * LLM.int8() (Dettmers et al. 2022, §3.2, mixed-precision decomposition): input features whose
 * magnitude reaches the threshold (6.0 by default) in any token are outlier features; those
 * columns of X and W are multiplied in 16-bit, everything else in INT8 with vector-wise scales,
 * and the two parts are added. W is stored as INT8 codes with one FP32 scale per row (bitsandbytes'
 * {@code SCB}) plus its outlier columns in FP16.
 */
public final class LlmInt8 {

    public static final float DEFAULT_THRESHOLD = 6.0f;

    private LlmInt8() {
    }

    public static MatmulResult multiply(FloatMatrix x, FloatMatrix w, float threshold) {
        int n = x.cols();
        if (w.cols() != n) {
            throw new app.bytewise.engine.InvalidInputException("weights", "W needs " + n + " columns to multiply X.");
        }
        boolean[] regular = new boolean[n];
        java.util.Arrays.fill(regular, true);
        for (int t = 0; t < x.rows(); t++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(x.get(t, j)) >= threshold) {
                    regular[j] = false;
                }
            }
        }
        int[] outliers = IntStream.range(0, n).filter(j -> !regular[j]).toArray();
        float[] y = Int8Matmul.product(x, w, regular);
        addHalfPrecisionColumns(x, w, outliers, y);
        long weightBits = (long) w.rows() * (n - outliers.length) * 8 + (long) w.rows() * outliers.length * 16
                + (long) w.rows() * 32;
        return Int8Matmul.result(String.format(java.util.Locale.ROOT, "LLM.int8() (threshold %.1f, %d outlier features)",
                threshold, outliers.length), x, w, y, weightBits, outliers);
    }

    /** Plain vector-wise INT8 with no decomposition: what LLM.int8() improves on. */
    public static MatmulResult multiplyWithoutDecomposition(FloatMatrix x, FloatMatrix w) {
        boolean[] all = new boolean[x.cols()];
        java.util.Arrays.fill(all, true);
        float[] y = Int8Matmul.product(x, w, all);
        return Int8Matmul.result("INT8 vector-wise", x, w, y, (long) w.rows() * w.cols() * 8 + (long) w.rows() * 32,
                new int[0]);
    }

    /** The outlier part in FP16: inputs rounded to half precision, products accumulated in float. */
    private static void addHalfPrecisionColumns(FloatMatrix x, FloatMatrix w, int[] columns, float[] y) {
        int out = w.rows();
        for (int t = 0; t < x.rows(); t++) {
            for (int o = 0; o < out; o++) {
                float sum = 0;
                for (int j : columns) {
                    sum += half(x.get(t, j)) * half(w.get(o, j));
                }
                y[t * out + o] += sum;
            }
        }
    }

    static float half(float v) {
        return Float.float16ToFloat(Float.floatToFloat16(v));
    }
}
