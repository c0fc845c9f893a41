package app.bytewise.quant.lab;

import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.metric.Histogram;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.List;
import java.util.Optional;

/**
 * What a lab run measured.
 *
 * @param metrics the tensor against its reconstruction (for LLM.int8() and SmoothQuant, which
 *     change the product rather than the stored weights: the output Y against FP32)
 * @param outputError Y = X·Ŵᵀ against the FP32 Y, when layer inputs were used
 * @param bitsPerWeight stored bits per value: codes, scales, zero points and outlier columns counted
 * @param central the three histograms over the central 99 % of the values, a zoom on the mass
 * @param encoded the stored bytes exactly as the format lays them out, where the format has a
 *     fixed layout (GGUF blocks; bitsandbytes packed nibbles; AutoAWQ's GEMM qweight, qzeros and
 *     scales for AWQ INT4; HQQ's bit-packed W_q)
 * @param absmax bitsandbytes' per-block absmax, returned beside the packed codes
 */
public record LabResult(String scheme, ErrorMetrics metrics, Optional<ErrorMetrics> outputError, double bitsPerWeight,
        long storedBytes, Histogram original, Histogram reconstructed, Histogram error, CentralHistograms central,
        FloatMatrix dequantized,
        Optional<byte[]> encoded, Optional<float[]> absmax, List<String> notes) {
}
