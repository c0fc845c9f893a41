package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Qwen3 dense ({@code qwen3}), Qwen3-MoE ({@code qwen3_moe}) and Qwen1.5/Qwen2-MoE ({@code qwen2_moe}),
 * following their {@code configuration_*.py} and {@code modular_*.py} in transformers. Qwen3 has an
 * explicit {@code head_dim} and RMSNorms over each query and key head ({@code q_norm}, {@code k_norm});
 * Qwen2-MoE has q/k/v biases and a shared expert with a sigmoid gate. In both MoE types a layer is
 * sparse when it is not in {@code mlp_only_layers} and {@code (i + 1) % decoder_sparse_step == 0}.
 */
public record QwenFamily(String modelType) implements ModelFamily {

    static final Set<String> LAYER_TYPES = Set.of("full_attention", "sliding_attention");

    private boolean qwen3() {
        return modelType.startsWith("qwen3");
    }

    private boolean moe() {
        return modelType.endsWith("_moe");
    }

    @Override
    public Architecture architecture(ModelConfig c) {
        boolean qwen3 = qwen3();
        boolean moe = moe();
        // Defaults: Qwen3Config 4096/32 layers/32 heads, Qwen3MoeConfig 2048/24/32 (4 KV), Qwen2MoeConfig 2048/24/16.
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(moe ? 2048L : 4096L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(moe ? 24 : 32);
        int heads = c.optionalInt(HEADS, "num_attention_heads").orElse(modelType.equals("qwen2_moe") ? 16 : 32);
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(modelType.equals("qwen3_moe") ? 4 : heads));
        // Qwen3Config defines head_dim = 128; Qwen3MoeConfig and Qwen2MoeConfig fall back to hidden / heads.
        int headDim = modelType.equals("qwen3") ? c.optionalInt(HEAD_DIM, "head_dim").orElse(128)
                : ModelFamily.headDim(c, hidden, heads);
        long dense = c.optionalLong(INTERMEDIATE, "intermediate_size").orElse(qwen3 ? (moe ? 6144L : 22016L) : 5632L);
        Mlp denseMlp = new Mlp.Dense(dense, true);
        Mlp sparse = denseMlp;
        int step = 1;
        Set<Integer> mlpOnly = Set.of();
        if (moe) {
            int experts = c.optionalInt(EXPERTS, "num_experts").orElse(qwen3 ? 128 : 60);
            int perToken = ModelFamily.checkedExpertsPerToken(c, experts,
                    c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(qwen3 ? 8 : 4));
            long expertWidth = c.optionalLong(INTERMEDIATE, "moe_intermediate_size").orElse(qwen3 ? 768L : 1408L);
            long shared = qwen3 ? 0 : c.optionalLong(INTERMEDIATE, "shared_expert_intermediate_size").orElse(5632L);
            sparse = new Mlp.Moe(experts, perToken, expertWidth, shared, true);
            step = c.optionalInt(LAYERS, "decoder_sparse_step").orElse(1);
            mlpOnly = c.layerIndices("mlp_only_layers", layers);
        }
        List<String> types = layerTypes(c, layers);
        int window = c.optionalInt(POSITIONS, "sliding_window").orElse(4096);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            Attention attention = types.get(i).equals("sliding_attention")
                    ? new Attention.Sliding(heads, kvHeads, headDim, window)
                    : new Attention.Full(heads, kvHeads, headDim);
            boolean isSparse = moe && !mlpOnly.contains(i) && (i + 1) % step == 0;
            stack.add(new LayerBlock(1, attention, isSparse ? sparse : denseMlp));
        }
        return Architecture.of(modelType, hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(151_936L),
                c.bool("tie_word_embeddings", false), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(32_768L),
                stack);
    }

    /**
     * {@code layer_types} when the config lists them; otherwise the config class's rule. All attend fully
     * unless {@code use_sliding_window}; then Qwen3 slides at layers {@code i >= max_window_layers}, Qwen2-MoE
     * at even layers below it, Qwen3-MoE everywhere.
     */
    private List<String> layerTypes(ModelConfig c, int layers) {
        return c.strings("layer_types", layers, LAYER_TYPES).orElseGet(() -> {
            boolean sliding = c.bool("use_sliding_window", false);
            int maxWindowLayers = c.optionalInt(LAYERS, "max_window_layers").orElse(28);
            List<String> types = new ArrayList<>(layers);
            for (int i = 0; i < layers; i++) {
                boolean slides = sliding && switch (modelType) {
                    case "qwen3" -> i >= maxWindowLayers;
                    case "qwen2_moe" -> (i + 1) % 2 != 0 && i < maxWindowLayers;
                    default -> true;
                };
                types.add(slides ? "sliding_attention" : "full_attention");
            }
            return types;
        });
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        boolean qkvBias = qwen3() ? c.bool("attention_bias", false) : c.bool("qkv_bias", true);
        boolean outputBias = qwen3() && c.bool("attention_bias", false);
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = DecoderTensors.LAYER_PREFIX;
        int first = 0;
        for (LayerBlock block : a.blocks()) {
            TensorListBuilder.Scope layer = tensors.layers(first, block.count());
            layer.vector(p + "input_layernorm.weight", NORM, h);
            DecoderTensors.attention(layer, p, h, block.attention(), qkvBias, outputBias, qwen3());
            layer.vector(p + "post_attention_layernorm.weight", NORM, h);
            DecoderTensors.qwenMlp(tensors, first, block.count(), p + "mlp.", h, block.mlp());
            first += block.count();
        }
        tensors.once().vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
