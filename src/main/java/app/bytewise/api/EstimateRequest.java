package app.bytewise.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/estimate}. Unknown fields are rejected, so a typo is a 400 that
 * names it rather than a silently ignored setting.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(description = "What to estimate. Omitted fields take the defaults shown.")
public record EstimateRequest(
        @Schema(description = "{\"preset\": \"llama-2-7b\"} or {\"config\": {…config.json…}} or {\"parameterCount\": 7000000000} "
                + "(at most 10^15 parameters; a config's dimensions are bounded, e.g. at most 2,048 layers). "
                + "An unknown model_type is refused unless \"assumeFamily\": \"llama\" (or another known type) asks "
                + "for a guess. A preset or config may carry one checkpoint file to compare: \"safetensorsHeader\" "
                + "(base64 of the file's first bytes), \"safetensorsIndex\" (model.safetensors.index.json); "
                + "{\"ggufHeader\": base64} alone is the model, counted from its metadata.",
                requiredMode = Schema.RequiredMode.REQUIRED) JsonNode model,
        @Schema(description = "inference or training", defaultValue = "inference") String mode,
        @Schema(description = "Weight format id, e.g. bf16, int4, nf4, gptq-4bit-g128, gguf:Q4_K_M",
                defaultValue = "bf16 (inference), per optimizer (training)") String weights,
        @Schema(description = "KV-cache format: fp16, bf16, fp8, int8, int4, int2", defaultValue = "fp16") String kvCache,
        @Schema(description = "Tokens per sequence", defaultValue = "4096") Long contextLength,
        @Schema(description = "Sequences (inference) or micro-batch size (training)", defaultValue = "1") Integer batchSize,
        @Schema(description = "GPU catalog id, e.g. a100-80gb-sxm") String gpu,
        @Schema(description = "GPUs sharing the model by tensor parallelism (inference)", defaultValue = "1") Integer gpuCount,
        @Schema(defaultValue = "true") Boolean flashAttention,
        @Schema(description = "Paged KV-cache allocation (vLLM): each sequence rounds up to whole pages",
                defaultValue = "false") Boolean pagedAttention,
        @Schema(description = "Tokens per KV page when paged", defaultValue = "16") Integer pageSize,
        @Schema(description = "Runtime overhead per GPU in bytes, 0 to 1 TiB", defaultValue = "1073741824") Long overheadBytes,
        @Schema(description = "adamw, adamw-fused, adamw-mixed, adamw-bf16, adamw-8bit, sgd-momentum, sgd, lion, lion-8bit, adafactor",
                defaultValue = "adamw-mixed") String optimizer,
        @Schema(description = "ZeRO stage 0-3", defaultValue = "0") Integer zeroStage,
        @Schema(description = "Data-parallel ranks (training)", defaultValue = "1") Integer gpus,
        @Schema(defaultValue = "1") Integer tensorParallel,
        @Schema(defaultValue = "1") Integer pipelineParallel,
        @Schema(description = "Micro-batches per pipeline flush", defaultValue = "1") Integer microBatches,
        @Schema(description = "none, selective or full", defaultValue = "none") String recompute,
        @Schema(defaultValue = "false") Boolean sequenceParallel,
        @Schema(description = "LoRA adapters; the base is frozen in 'weights' (bf16, or nf4 for QLoRA)") Lora lora,
        @Schema(description = "none, optimizer or optimizer+params", defaultValue = "none") String offload,
        @Schema(description = "Which bytes of mixed-precision Adam are counted (training): zero-paper (16 B), "
                + "megatron (18 B; stage 0 or 1), deepspeed (its ZeRO-2/3 estimator)", defaultValue = "zero-paper")
        String accounting,
        @Schema(description = "The attention core in training: eager-dropout (GPT, 5 B per score), eager-fp32-softmax "
                + "(Hugging Face eager Llama, 6 B), eager-no-dropout (2 B), flash (no scores); flashAttention false "
                + "means eager-dropout", defaultValue = "flash") String attention,
        @Schema(description = "What the loss holds per logit (training): fp32 (Megatron, 4 bytes) or upcast (Hugging "
                + "Face's 16-bit logits upcast to FP32, 10 bytes at the loss)", defaultValue = "fp32") String logits,
        @Schema(description = "Model chunks per GPU in Megatron's interleaved 1F1B schedule (training, pipeline "
                + "parallel)", defaultValue = "1") Integer virtualStages,
        @Schema(description = "DeepSpeed's ZeRO settings under accounting deepspeed, as its config names them: "
                + "reduce_bucket_size, stage3_prefetch_bucket_size, stage3_max_live_parameters, "
                + "stage3_param_persistence_threshold, and gpus_per_node for its CPU budget") DeepSpeed deepspeed,
        @Schema(description = "A serving engine to allocate as (inference): {\"name\": \"llama.cpp\", \"nCtx\": …, "
                + "\"nSeqMax\": …, \"cacheTypeK\": \"q8_0\", …}") EngineInput engine) {

    /** DeepSpeed's own key names, so a {@code zero_optimization} section can be pasted. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record DeepSpeed(@JsonProperty("reduce_bucket_size") Long reduceBucketSize,
            @JsonProperty("stage3_prefetch_bucket_size") Long prefetchBucketSize,
            @JsonProperty("stage3_max_live_parameters") Long maxLiveParameters,
            @JsonProperty("stage3_param_persistence_threshold") Long persistenceThreshold,
            @JsonProperty("gpus_per_node") Integer gpusPerNode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Lora(Integer rank, List<String> targets) {
    }
}
