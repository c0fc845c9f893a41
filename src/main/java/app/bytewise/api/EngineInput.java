package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppCacheType;
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
        + "defaults as llama-server passes them.")
record EngineInput(
        @Schema(description = "llama.cpp", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "n_ctx, total cells over all sequences; 0 = the training context",
                defaultValue = "contextLength × nSeqMax") Long nCtx,
        @Schema(description = "n_seq_max, 1 to 256", defaultValue = "batchSize") Integer nSeqMax,
        @Schema(defaultValue = "512") Integer nUbatch,
        @Schema(defaultValue = "false") Boolean kvUnified,
        @Schema(description = "Full-size caches for sliding-window layers (llama-server's --swa-full)", defaultValue = "false")
        Boolean swaFull,
        @Schema(description = "f32, f16, bf16, q8_0, q4_0, q4_1, iq4_nl, q5_0, q5_1", defaultValue = "f16") String cacheTypeK,
        @Schema(defaultValue = "f16") String cacheTypeV,
        @Schema(description = "auto, on or off", defaultValue = "auto") String flashAttention) {

    /** The answer's {@code engine}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(String name, String version, long kvCacheBytes, long recurrentStateBytes, List<Cache> caches,
            long kvCacheTokens, int maxConcurrency, boolean starts, String refusal, List<String> log, List<String> notes) {
    }

    record Cache(String kind, int layers, long cells, int streams, long bytes, String kType, long kBytes, String vType,
            long vBytes) {
    }

    View allocate(Model model, long contextLength, int batchSize) {
        String engine = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!engine.equals("llama.cpp")) {
            throw new InvalidInputException("engine.name", "engine.name must be llama.cpp (the profiles of vLLM, "
                    + "SGLang and transformers are not served yet).");
        }
        int sequences = nSeqMax == null ? batchSize : nSeqMax;
        LlamaCppSettings settings = new LlamaCppSettings(
                nCtx == null ? Math.min(LlamaCppSettings.MAX_CTX, contextLength * Math.max(1, Math.min(sequences, LlamaCppSettings.MAX_SEQ)))
                        : nCtx, sequences, nUbatch == null ? LlamaCppSettings.DEFAULT_UBATCH : nUbatch,
                Boolean.TRUE.equals(kvUnified), Boolean.TRUE.equals(swaFull),
                cacheTypeK == null ? LlamaCppCacheType.F16 : LlamaCppCacheType.parse(cacheTypeK, "engine.cacheTypeK"),
                cacheTypeV == null ? LlamaCppCacheType.F16 : LlamaCppCacheType.parse(cacheTypeV, "engine.cacheTypeV"),
                flash());
        return view(LlamaCppProfile.allocate(model, settings));
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
        long tokens = 0;
        for (CacheAllocation c : e.caches()) {
            if (c.kind() != CacheKind.RECURRENT && c.kind() != CacheKind.SLIDING) {
                tokens = Math.max(tokens, c.cells() * c.streams());
            }
        }
        return new View(e.engine(), e.version(), e.kvCacheBytes(), e.recurrentStateBytes(),
                e.caches().stream().map(c -> new Cache(c.kind().id(), c.layers(), c.cells(), c.streams(), c.bytes(),
                        c.firstType(), c.firstBytes(), c.secondType(), c.secondBytes())).toList(),
                tokens, e.sequences(), e.starts(), e.refusal().orElse(null), e.log(), e.notes());
    }
}
