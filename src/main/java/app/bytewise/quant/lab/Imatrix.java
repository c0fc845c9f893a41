package app.bytewise.quant.lab;

import app.bytewise.quant.tensor.FloatMatrix;

/**
 * An importance matrix as llama-imatrix computes one for a weight matrix: per input column, the mean
 * over the calibration tokens of the squared activation entering the layer ({@code e.values[j] +=
 * x[j]·x[j]; e.counts[j]++}, float sums, tools/imatrix/imatrix.cpp; llama-quantize divides each sum by
 * its count, tools/quantize/quantize.cpp).
 */
final class Imatrix {

    private Imatrix() {
    }

    /** One importance per column of {@code inputs} (tokens × input features). */
    static float[] of(FloatMatrix inputs) {
        int n = inputs.rows();
        int cols = inputs.cols();
        float[] sums = new float[cols];
        float[] x = inputs.data();
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < cols; j++) {
                float v = x[t * cols + j];
                sums[j] += v * v;
            }
        }
        float[] importance = new float[cols];
        for (int j = 0; j < cols; j++) {
            importance[j] = sums[j] / (float) n;
        }
        return importance;
    }
}
