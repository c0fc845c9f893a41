package app.bytewise.quant.metric;

import app.bytewise.quant.tensor.FloatMatrix;

/**
 * What quantizing a layer's weights does to its output: the layer computes Y = X·Wᵀ, so the error
 * that matters is ‖X·Wᵀ − X·Ŵᵀ‖ (the objective GPTQ and AWQ minimise), compared with FP32.
 */
public final class OutputError {

    private OutputError() {
    }

    public static ErrorMetrics of(FloatMatrix inputs, FloatMatrix weights, FloatMatrix quantizedWeights) {
        return ErrorMetrics.between(inputs.timesTransposed(weights).data(),
                inputs.timesTransposed(quantizedWeights).data());
    }

    /** Squared Frobenius norm ‖X·Wᵀ − X·Ŵᵀ‖², the quantity the methods' tests compare. */
    public static double squaredError(FloatMatrix inputs, FloatMatrix weights, FloatMatrix quantizedWeights) {
        return of(inputs, weights, quantizedWeights).mse() * inputs.rows() * weights.rows();
    }
}
