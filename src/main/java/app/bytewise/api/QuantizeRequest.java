package app.bytewise.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of {@code POST /api/v1/quantize}. */
@Schema(description = "A tensor (inline values or a generated spec) and what to do to it.")
public record QuantizeRequest(
        @Schema(description = "fp16, bf16, fp8-e4m3, fp8-e5m2, int2…int8, nf4, fp4, "
                + "mx:fp4, mx:fp6-e2m3, mx:fp6-e3m2, mx:fp8-e4m3, mx:fp8-e5m2, nvfp4, fp8-block128, gguf:<TYPE>", defaultValue = "int8")
        String format,
        @Schema(description = "rtn, gptq, awq, llm.int8, smoothquant, kivi, hqq", defaultValue = "rtn") String method,
        @Schema(description = "tensor, channel or group (integer formats)", defaultValue = "channel") String granularity,
        @Schema(defaultValue = "128") Integer groupSize,
        @Schema(defaultValue = "true") Boolean symmetric,
        @Schema(description = "NF4/FP4: quantize the absmax values too; hqq: its 8-bit zeros and scales "
                + "(quant_zero, quant_scale)", defaultValue = "false") Boolean doubleQuant,
        @Schema(description = "Row-major values (with rows and cols), at most 1,048,576") List<Float> values,
        Integer rows,
        Integer cols,
        @Schema(description = "A generated tensor instead of values") TensorSpecJson tensor,
        @Schema(description = "Layer inputs X for gptq, awq, llm.int8 and smoothquant; generated with outlier "
                + "features when omitted") TensorSpecJson inputs,
        @Schema(description = "LLM.int8() outlier threshold", defaultValue = "6.0") Float threshold,
        @Schema(description = "SmoothQuant migration strength", defaultValue = "0.5") Double alpha,
        @Schema(defaultValue = "false") Boolean actOrder,
        @Schema(defaultValue = "0.01") Double dampPercent,
        @Schema(description = "KIVI: keys (per channel) or values (per token)", defaultValue = "keys") String kvRole,
        @Schema(description = "KIVI: tokens kept in FP16", defaultValue = "128") Integer residual,
        @Schema(defaultValue = "64") Integer bins,
        @JsonProperty("return") @Schema(description = "Extra outputs: dequantized, encoded; refused when the answer "
                + "would pass 8 MiB") List<String> returnFields) {

    /** A generated tensor: kind gaussian, student_t, outlier_channels or activations; rows and cols each 1 to 4096. */
    public record TensorSpecJson(String kind, Integer rows, Integer cols, Long seed, Double scale, Integer outliers,
            Double outlierMagnitude, Double degreesOfFreedom) {
    }
}
