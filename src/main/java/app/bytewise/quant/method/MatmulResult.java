package app.bytewise.quant.method;

import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.tensor.FloatMatrix;

/**
 * A quantized matrix product Y ≈ X·Wᵀ and how far it is from the FP32 product.
 *
 * @param weightBits stored bits of W in this scheme (codes, scales, 16-bit outlier columns)
 * @param outlierColumns input features kept in 16 bits (LLM.int8()), empty otherwise
 */
public record MatmulResult(String method, FloatMatrix output, ErrorMetrics error, long weightBits, int[] outlierColumns) {
}
