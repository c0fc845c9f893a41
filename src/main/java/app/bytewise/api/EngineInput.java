package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.PrefillActivations;
import app.bytewise.engine.serving.sglang.SglangProfile;
import app.bytewise.engine.serving.transformers.TransformersProfile;
import app.bytewise.engine.serving.vllm.VllmBudget;
import app.bytewise.engine.serving.vllm.VllmProfile;
import app.bytewise.engine.serving.vllm.VllmSettings;
import java.util.OptionalLong;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppCacheType;
import app.bytewise.engine.serving.llamacpp.LlamaCppOffload;
import app.bytewise.engine.serving.llamacpp.LlamaCppPlacement;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings.FlashAttention;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/**
 * {@code "engine"} of an estimate request: a serving engine and its own settings, named after its
 * API. Absent settings take the engine's defaults, except the context and the sequences, which follow
 * the request's {@code contextLength} and {@code batchSize}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@Schema(description = "A serving engine profile. llama.cpp settings after its C API (llama_context_params), "
        + "defaults as llama-server passes them; vLLM's after its engine arguments, defaults of v0.11.2.")
record EngineInput(
        @Schema(description = "llama.cpp, vllm, sglang or transformers", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "n_ctx, total cells over all sequences; 0 = the training context",
                defaultValue = "contextLength × nSeqMax") Long nCtx,
        @Schema(description = "n_seq_max, 1 to 256", defaultValue = "batchSize") Integer nSeqMax,
        @Schema(defaultValue = "512") Integer nUbatch,
        @Schema(defaultValue = "false") Boolean kvUnified,
        @Schema(description = "Full-size caches for sliding-window layers (llama-server's --swa-full)", defaultValue = "false")
        Boolean swaFull,
        @Schema(description = "f32, f16, bf16, q8_0, q4_0, q4_1, iq4_nl, q5_0, q5_1", defaultValue = "f16") String cacheTypeK,
        @Schema(defaultValue = "f16") String cacheTypeV,
        @Schema(description = "auto, on or off", defaultValue = "auto") String flashAttention,
        @Schema(description = "llama.cpp -ngl: layers on the GPUs, the output layer counted first; -1 = all",
                defaultValue = "-1") Integer nGpuLayers,
        @Schema(description = "llama.cpp --n-cpu-moe: the first N layers' routed experts stay in host memory",
                defaultValue = "0") Integer nCpuMoe,
        @Schema(description = "llama.cpp --cpu-moe (-ot exps=CPU): every layer's routed experts in host memory",
                defaultValue = "false") Boolean cpuMoe,
        @Schema(description = "llama.cpp --tensor-split: each GPU's share of the layers, e.g. [3, 1]",
                defaultValue = "by free memory") List<Double> tensorSplit,
        @Schema(description = "llama.cpp offload_kqv: each layer's cache on that layer's device", defaultValue = "true")
        Boolean offloadKqv,
        @Schema(description = "vLLM: share of the GPU it may use", defaultValue = "0.9") Double gpuMemoryUtilization,
        @Schema(description = "vLLM: the KV-cache budget itself (what it logs as \"Available KV cache memory\"); "
                + "without it the budget is estimated") Long kvCacheMemoryBytes,
        @Schema(description = "vLLM: max_model_len", defaultValue = "contextLength") Long maxModelLen,
        @Schema(description = "vLLM: tokens per page", defaultValue = "16 (64 for MLA)") Integer blockSize,
        @Schema(description = "vLLM: tokens per scheduler step", defaultValue = "8192 on ≥ 70 GiB GPUs but the A100, "
                + "else 2048") Integer maxNumBatchedTokens,
        @Schema(description = "vLLM: auto, fp8, fp8_e4m3, fp8_e5m2, fp8_ds_mla", defaultValue = "auto") String kvCacheDtype,
        @Schema(description = "vLLM and SGLang: tensor_parallel_size", defaultValue = "gpuCount") Integer tensorParallel,
        @Schema(description = "SGLang: --max-total-tokens, the pool's size; without it the pool is estimated")
        Long maxTotalTokens,
        @Schema(description = "SGLang: --mem-fraction-static", defaultValue = "SGLang's rule for the GPU")
        Double memFractionStatic) {

    /** The answer's {@code engine}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String name, String version, long kvCacheBytes, long recurrentStateBytes, List<Cache> caches,
            long kvCacheTokens, double maxConcurrency, boolean starts, String refusal, List<String> log, List<String> notes,
            List<Device> devices, Integer offloadedLayers, Integer offloadableLayers) {

        View withNotes(List<String> more) {
            return new View(name, version, kvCacheBytes, recurrentStateBytes, caches, kvCacheTokens, maxConcurrency, starts,
                    refusal, log, more, devices, offloadedLayers, offloadableLayers);
        }
    }

    /** llama.cpp: what one device holds; the host is the last, named CPU. */
    record Device(String name, String gpu, long totalBytes, int layers, long modelBytes, long kvBytes,
            long recurrentBytes, long usedBytes, Long leftBytes, Boolean meetsFitTarget) {
    }

    record Cache(String kind, int layers, long cells, int streams, long bytes, String kType, long kBytes, String vType,
            long vBytes) {
    }

    View allocate(InferenceRequest request, long weightBytes) {
        String engine = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        List<String> llamaOnly = set(nCtx, "nCtx", nSeqMax, "nSeqMax", nUbatch, "nUbatch", kvUnified, "kvUnified", swaFull,
                "swaFull", cacheTypeK, "cacheTypeK", cacheTypeV, "cacheTypeV", flashAttention, "flashAttention", nGpuLayers, "nGpuLayers", nCpuMoe, "nCpuMoe", cpuMoe, "cpuMoe",
                tensorSplit, "tensorSplit", offloadKqv, "offloadKqv");
        List<String> vllmOnly = set(gpuMemoryUtilization, "gpuMemoryUtilization", kvCacheMemoryBytes, "kvCacheMemoryBytes",
                maxModelLen, "maxModelLen", blockSize, "blockSize", maxNumBatchedTokens, "maxNumBatchedTokens",
                kvCacheDtype, "kvCacheDtype");
        List<String> sglangOnly = set(maxTotalTokens, "maxTotalTokens", memFractionStatic, "memFractionStatic");
        List<String> foreign = new java.util.ArrayList<>();
        if (!engine.equals("llama.cpp")) {
            foreign.addAll(llamaOnly);
        }
        if (!engine.equals("vllm")) {
            foreign.addAll(vllmOnly);
        }
        if (!engine.equals("sglang")) {
            foreign.addAll(sglangOnly);
        }
        if (engine.equals("llama.cpp") || engine.equals("transformers")) {
            foreign.addAll(set(tensorParallel, "tensorParallel"));
        }
        if (!foreign.isEmpty()) {
            throw new InvalidInputException("engine." + foreign.getFirst(), foreign.getFirst() + " is not a setting of "
                    + engine + ".");
        }
        return switch (engine) {
            case "llama.cpp" -> llamaCpp(request);
            case "vllm" -> vllm(request, weightBytes);
            case "sglang" -> {
                int tp = tensorParallel == null ? request.gpuCount() : tensorParallel;
                if (tp < 1 || tp > 1024) {
                    throw new InvalidInputException("engine.tensorParallel", "tensorParallel must be 1 to 1024.");
                }
                if (maxTotalTokens != null && (maxTotalTokens < 1 || maxTotalTokens > 1_000_000_000L)) {
                    throw new InvalidInputException("engine.maxTotalTokens", "maxTotalTokens must be 1 to 1,000,000,000.");
                }
                if (memFractionStatic != null && !(memFractionStatic > 0 && memFractionStatic < 1)) {
                    throw new InvalidInputException("engine.memFractionStatic", "memFractionStatic must be between 0 and 1.");
                }
                yield view(SglangProfile.allocate(request.model(), maxTotalTokens == null ? OptionalLong.empty()
                        : OptionalLong.of(maxTotalTokens), java.util.Optional.ofNullable(memFractionStatic), tp,
                        request.gpu(), weightBytes / tp, request.overheadBytes()));
            }
            case "transformers" -> view(TransformersProfile.allocate(request.model(), request.contextLength(),
                    request.batchSize(), 2));
            default -> throw new InvalidInputException("engine.name", "engine.name must be llama.cpp, vllm, sglang or "
                    + "transformers.");
        };
    }

    /** The names of the settings given, from (value, name) pairs. */
    private static List<String> set(Object... pairs) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] != null) {
                names.add((String) pairs[i + 1]);
            }
        }
        return names;
    }

    private View vllm(InferenceRequest r, long weightBytes) {
        int tp = tensorParallel == null ? r.gpuCount() : tensorParallel;
        VllmSettings s = new VllmSettings(gpuMemoryUtilization == null ? VllmSettings.DEFAULT_UTILIZATION
                : gpuMemoryUtilization, kvCacheMemoryBytes == null ? OptionalLong.empty()
                : OptionalLong.of(kvCacheMemoryBytes), maxModelLen == null ? r.contextLength() : maxModelLen,
                blockSize == null ? 0 : blockSize, maxNumBatchedTokens == null ? 0 : maxNumBatchedTokens, kvCacheDtype, tp);
        int batched = s.maxNumBatchedTokens() > 0 ? s.maxNumBatchedTokens() : VllmBudget.defaultBatchedTokens(r.gpu());
        long activations = r.model().architecture().map(a -> PrefillActivations.bytes(a, batched, 1, true)).orElse(0L);
        VllmBudget budget = VllmBudget.of(s, r.gpu(), weightBytes / tp, activations, r.overheadBytes());
        return view(VllmProfile.allocate(r.model(), s, budget));
    }

    private View llamaCpp(InferenceRequest r) {
        Model model = r.model();
        long contextLength = r.contextLength();
        int sequences = nSeqMax == null ? r.batchSize() : nSeqMax;
        LlamaCppSettings settings = new LlamaCppSettings(
                nCtx == null ? LlamaCppSettings.contextFor(contextLength, sequences)
                        : nCtx, sequences, nUbatch == null ? LlamaCppSettings.DEFAULT_UBATCH : nUbatch,
                Boolean.TRUE.equals(kvUnified), Boolean.TRUE.equals(swaFull),
                cacheTypeK == null ? LlamaCppCacheType.F16 : LlamaCppCacheType.parse(cacheTypeK, "engine.cacheTypeK"),
                cacheTypeV == null ? LlamaCppCacheType.F16 : LlamaCppCacheType.parse(cacheTypeV, "engine.cacheTypeV"),
                flash());
        EngineAllocation caches = LlamaCppProfile.allocate(model, settings);
        LlamaCppOffload offload = new LlamaCppOffload(nGpuLayers == null ? LlamaCppOffload.ALL : nGpuLayers,
                nCpuMoe == null ? 0 : nCpuMoe, Boolean.TRUE.equals(cpuMoe), tensorSplit == null ? List.of() : tensorSplit,
                !Boolean.FALSE.equals(offloadKqv));
        View v = view(caches);
        List<String> notes = new java.util.ArrayList<>(v.notes());
        LlamaCppPlacement.Attempt attempt = LlamaCppPlacement.attempt(r, settings, caches, offload);
        if (attempt.placement().isEmpty()) {
            // The caches stand on their own; only where the weights would go is unknown.
            notes.add("No placement on devices: " + attempt.gap().orElseThrow());
            return v.withNotes(notes);
        }
        LlamaCppPlacement p = attempt.placement().get();
        notes.addAll(p.notes());
        List<Device> devices = p.devices().stream().map(d -> new Device(d.name(), d.isHost() ? null : d.label(),
                d.totalBytes(), d.layers(), d.modelBytes(), d.kvBytes(), d.recurrentBytes(), d.usedBytes(),
                d.isHost() ? null : d.leftBytes(), d.isHost() ? null : d.meetsFitTarget())).toList();
        return new View(v.name(), v.version(), v.kvCacheBytes(), v.recurrentStateBytes(), v.caches(), v.kvCacheTokens(),
                v.maxConcurrency(), v.starts() && p.starts(), v.refusal() != null ? v.refusal() : p.refusal().orElse(null),
                p.log(), notes, devices, p.offloaded(), p.offloadable());
    }

    private FlashAttention flash() {
        String fa = flashAttention == null ? "auto" : flashAttention.strip().toLowerCase(Locale.ROOT);
        return switch (fa) {
            case "auto" -> FlashAttention.AUTO;
            case "on", "true" -> FlashAttention.ON;
            case "off", "false" -> FlashAttention.OFF;
            default -> throw new InvalidInputException("engine.flashAttention", "flashAttention must be auto, on or off.");
        };
    }

    private static View view(EngineAllocation e) {
        return new View(e.engine(), e.version(), e.kvCacheBytes(), e.recurrentStateBytes(),
                e.caches().stream().map(c -> new Cache(c.kind().id(), c.layers(), c.cells(), c.streams(), c.bytes(),
                        c.firstType(), c.firstBytes(), c.secondType(), c.secondBytes())).toList(),
                e.cacheTokens(), e.concurrency(), e.starts(), e.refusal().orElse(null), e.log(), e.notes(), null, null, null);
    }
}
