package app.bytewise.quant.lab;

import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.Optional;

/**
 * One lab run: a tensor, a format and a method with its settings.
 *
 * @param format {@code fp16}, {@code bf16}, {@code fp8-e4m3}, {@code fp8-e5m2}, {@code int8},
 *     {@code int4} (any {@code int2}–{@code int8}), {@code nf4}, {@code fp4}, {@code mx:fp4},
 *     {@code mx:fp6-e2m3}, {@code mx:fp6-e3m2}, {@code mx:fp8-e4m3}, {@code mx:fp8-e5m2}, {@code nvfp4},
 *     {@code fp8-block128}, {@code gguf:<TYPE>}
 * @param inputs layer inputs X (tokens × cols) for methods that need them
 * @param threshold LLM.int8() outlier threshold
 * @param alpha SmoothQuant migration strength
 * @param kvRole {@code keys} (per-channel) or {@code values} (per-token) for KIVI
 */
public record LabRequest(FloatMatrix tensor, String format, LabMethod method, Granularity granularity, int groupSize,
        boolean symmetric, boolean doubleQuant, Optional<FloatMatrix> inputs, float threshold, double alpha,
        boolean actOrder, double dampPercent, String kvRole, int residual, int bins) {

    public static LabRequest rtn(FloatMatrix tensor, String format) {
        return new LabRequest(tensor, format, LabMethod.RTN, Granularity.CHANNEL, 128, true, false, Optional.empty(),
                6.0f, 0.5, false, 0.01, "keys", 128, 64);
    }

    public LabRequest with(LabMethod m, Granularity g, int group, boolean sym) {
        return new LabRequest(tensor, format, m, g, group, sym, doubleQuant, inputs, threshold, alpha, actOrder,
                dampPercent, kvRole, residual, bins);
    }

    public LabRequest withInputs(FloatMatrix x) {
        return new LabRequest(tensor, format, method, granularity, groupSize, symmetric, doubleQuant, Optional.of(x),
                threshold, alpha, actOrder, dampPercent, kvRole, residual, bins);
    }
}
