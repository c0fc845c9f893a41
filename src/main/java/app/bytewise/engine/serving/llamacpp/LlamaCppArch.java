package app.bytewise.engine.serving.llamacpp;

import java.util.Optional;

/**
 * A Bytewise family as llama.cpp knows it: its GGUF architecture name ({@code src/llama-arch.cpp},
 * {@code LLM_ARCH_NAMES}) and whether llama.cpp gives its sliding-window layers their own bounded
 * cache (iSWA, {@code src/llama-kv-cache-iswa.cpp}). llama.cpp sets {@code swa_type} only for some
 * architectures in {@code llama_model::load_hparams} (src/llama-model.cpp): Gemma 2 and 3 and gpt-oss
 * (standard windows) and Llama 4 (chunked). For Mistral and Qwen2 it has no sliding window, and for
 * Phi-3 it disables the one the GGUF declares ("Phi SWA is currently disabled", ggml-org/llama.cpp
 * PR #13676), so those cache every token.
 *
 * @param name the GGUF {@code general.architecture}
 */
public record LlamaCppArch(String name, boolean slidingCache) {

    /** The architecture llama.cpp loads a model of {@code family} (a config's {@code model_type}) as. */
    public static Optional<LlamaCppArch> of(String family) {
        return Optional.ofNullable(switch (family) {
            case "llama", "mistral", "mixtral" -> new LlamaCppArch("llama", false);
            case "qwen2" -> new LlamaCppArch("qwen2", false);
            case "qwen2_moe" -> new LlamaCppArch("qwen2moe", false);
            case "qwen3" -> new LlamaCppArch("qwen3", false);
            case "qwen3_moe" -> new LlamaCppArch("qwen3moe", false);
            case "qwen3_next" -> new LlamaCppArch("qwen3next", false);
            case "gemma" -> new LlamaCppArch("gemma", false);
            case "gemma2" -> new LlamaCppArch("gemma2", true);
            case "gemma3", "gemma3_text" -> new LlamaCppArch("gemma3", true);
            case "phi3" -> new LlamaCppArch("phi3", false);
            case "phimoe" -> new LlamaCppArch("phimoe", false);
            case "falcon" -> new LlamaCppArch("falcon", false);
            case "gpt2" -> new LlamaCppArch("gpt2", false);
            case "gpt_neox" -> new LlamaCppArch("gptneox", false);
            case "deepseek_v2", "deepseek_v3", "kimi_k2" -> new LlamaCppArch("deepseek2", false);
            case "gpt_oss" -> new LlamaCppArch("gpt-oss", true);
            case "llama4", "llama4_text" -> new LlamaCppArch("llama4", true);
            case "mamba" -> new LlamaCppArch("mamba", false);
            case "mamba2" -> new LlamaCppArch("mamba2", false);
            case "jamba" -> new LlamaCppArch("jamba", false);
            default -> null;
        });
    }
}
