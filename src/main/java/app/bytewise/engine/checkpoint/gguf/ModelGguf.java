package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;

/**
 * The GGUF llama.cpp would load for a catalog model, header only: the architecture's hparams keys
 * and every tensor info its {@code load_arch_tensors} creates, with the shapes and types an f16
 * conversion has. Written sparse by {@link GgufWriter#write}, it lets the real llama.cpp size the
 * model and its caches without weights. One class per llama.cpp architecture.
 */
public final class ModelGguf {

    private ModelGguf() {
    }

    public static GgufWriter of(Model model) {
        Architecture a = model.architecture().orElseThrow(() -> new InvalidInputException("model",
                "A GGUF needs the model's layers; a bare parameter count has none."));
        if (model.isGuess()) {
            throw new InvalidInputException("model", "This model is counted as a family it is not, so its GGUF "
                    + "would be a guess too.");
        }
        return switch (a.family()) {
            case "llama", "mistral", "mixtral" -> LlamaLayout.write(model);
            case "qwen2" -> Qwen2Layout.write(model);
            case "qwen2_moe" -> Qwen2MoeLayout.write(model);
            case "qwen3" -> Qwen3Layout.write(model, false);
            case "qwen3_moe" -> Qwen3Layout.write(model, true);
            case "gemma" -> GemmaLayout.gemma(model);
            case "gemma2" -> GemmaLayout.write(model, false);
            case "gemma3", "gemma3_text" -> GemmaLayout.write(model, true);
            case "gpt_oss" -> GptOssLayout.write(model);
            case "deepseek_v2", "deepseek_v3", "kimi_k2" -> DeepSeek2Layout.write(model);
            case "mamba2" -> Mamba2Layout.write(model);
            case "qwen3_next" -> Qwen3NextLayout.write(model);
            case "phi3" -> Phi3Layout.write(model);
            case "phimoe" -> PhiMoeLayout.write(model);
            case "llama4", "llama4_text" -> Llama4Layout.write(model);
            case "jamba" -> JambaLayout.write(model);
            case "falcon" -> FalconLayout.write(model);
            case "gpt2" -> Gpt2Layout.write(model, false);
            case "gpt_neox" -> Gpt2Layout.write(model, true);
            default -> throw new InvalidInputException("model", "Bytewise does not write a GGUF for model_type '"
                    + a.family() + "'.");
        };
    }
}
