package app.bytewise.engine.model;

import java.util.List;

/**
 * One architecture family: how its {@code config.json} reads, with its own config class's
 * defaults, and which tensors its checkpoint holds. Tensor names and shapes follow the family's
 * modeling file in Hugging Face transformers ({@code modeling_<family>.py}).
 */
public sealed interface ModelFamily
        permits LlamaFamily, GemmaFamily, Gemma3Family, Phi3Family, PhiMoeFamily, FalconFamily, Gpt2Family, OptFamily,
        GptNeoXFamily, DeepSeekFamily, QwenFamily, GptOssFamily, Llama4Family, MambaFamily, Mamba2Family, JambaFamily,
        Qwen3NextFamily {

    Architecture architecture(ModelConfig config);

    /** The checkpoint's tensors, each block's once for all its layers (see {@link TensorGroup}). */
    List<TensorGroup> tensorGroups(ModelConfig config, Architecture architecture);

    /** Tensors the checkpoint files store that inference does not load (none for most families). */
    default List<TensorGroup> unloadedGroups(ModelConfig config, Architecture architecture) {
        return List.of();
    }

    /** Head dimension from an explicit {@code head_dim}, else hidden / heads, which must divide evenly. */
    static int headDim(ModelConfig config, long hidden, int heads) {
        return config.optionalInt(ConfigLimit.HEAD_DIM, "head_dim").orElseGet(() -> {
            if (hidden % heads != 0) {
                throw new app.bytewise.engine.InvalidInputException(config.path("num_attention_heads"),
                        "hidden size " + hidden + " is not divisible by " + heads + " heads, and there is no head_dim");
            }
            return (int) (hidden / heads);
        });
    }

    static int checkedKvHeads(ModelConfig config, String field, int heads, int kvHeads) {
        if (kvHeads > heads || heads % kvHeads != 0) {
            throw new app.bytewise.engine.InvalidInputException(config.path(field),
                    kvHeads + " key/value heads must divide the " + heads + " attention heads");
        }
        return kvHeads;
    }

    static int checkedExpertsPerToken(ModelConfig config, int experts, int perToken) {
        if (experts > 1 && perToken > experts) {
            throw new app.bytewise.engine.InvalidInputException(config.path("num_experts_per_tok"),
                    perToken + " experts per token cannot exceed the " + experts + " experts");
        }
        return perToken;
    }
}
