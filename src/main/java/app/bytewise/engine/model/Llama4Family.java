package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Llama 4 ({@code configuration_llama4.py}, {@code modeling_llama4.py}): {@code llama4} nests the
 * language model in {@code text_config} beside a {@code vision_config}; {@code llama4_text} is the
 * language model alone. Three layers in four use RoPE and attend within chunks of
 * {@code attention_chunk_size}; every fourth ({@code no_rope_layer_interval}) is a NoPE layer with
 * full attention. MoE layers are every {@code interleave_moe_layer_step}-th (or {@code moe_layers}),
 * each with one shared expert and its routed experts stored fused ({@code gate_up_proj [E, hidden, 2·I]},
 * {@code down_proj [E, I, hidden]}); the others are dense MLPs of {@code intermediate_size_mlp}.
 */
public record Llama4Family(boolean multimodal) implements ModelFamily {

    private static final Set<String> LAYER_TYPES = Set.of("full_attention", "chunked_attention");

    private ModelConfig text(ModelConfig c) {
        return multimodal ? c.child("text_config").orElseThrow(() -> new app.bytewise.engine.InvalidInputException(
                c.path("text_config"), "A llama4 config holds the language model in text_config.")) : c;
    }

    @Override
    public Architecture architecture(ModelConfig c) {
        ModelConfig t = text(c);
        long hidden = t.optionalLong(HIDDEN, "hidden_size").orElse(5120L);
        int layers = t.optionalInt(LAYERS, "num_hidden_layers").orElse(48);
        int heads = t.optionalInt(HEADS, "num_attention_heads").orElse(40);
        int kvHeads = ModelFamily.checkedKvHeads(t, "num_key_value_heads", heads,
                t.optionalInt(HEADS, "num_key_value_heads").orElse(8));
        int headDim = t.optionalInt(HEAD_DIM, "head_dim").orElse(128);
        int chunk = t.optionalInt(POSITIONS, "attention_chunk_size").orElse(8192);
        int noRopeInterval = t.optionalInt(LAYERS, "no_rope_layer_interval").orElse(4);
        int experts = t.optionalInt(EXPERTS, "num_local_experts").orElse(16);
        int perToken = ModelFamily.checkedExpertsPerToken(t, experts, t.optionalInt(EXPERTS, "num_experts_per_tok").orElse(1));
        long expertWidth = t.optionalLong(INTERMEDIATE, "intermediate_size").orElse(8192L);
        Mlp moe = new Mlp.Moe(experts, perToken, expertWidth, expertWidth, true);
        Mlp dense = new Mlp.Dense(t.optionalLong(INTERMEDIATE, "intermediate_size_mlp").orElse(16384L), true);
        Set<Integer> moeLayers = t.has("moe_layers") ? t.layerIndices("moe_layers", layers) : null;
        int step = t.optionalInt(LAYERS, "interleave_moe_layer_step").orElse(1);
        List<String> types = t.strings("layer_types", layers, LAYER_TYPES).orElse(null);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            // Llama4TextConfig: no_rope_layers[i] = (i + 1) % interval != 0, and RoPE layers are chunked.
            boolean chunked = types == null ? (i + 1) % noRopeInterval != 0 : types.get(i).equals("chunked_attention");
            // moe_layers defaults to range(step - 1, layers, step).
            boolean isMoe = moeLayers != null ? moeLayers.contains(i) : i % step == step - 1;
            stack.add(new LayerBlock(1, chunked ? new Attention.Chunked(heads, kvHeads, headDim, chunk)
                    : new Attention.Full(heads, kvHeads, headDim), isMoe ? moe : dense));
        }
        return Architecture.of(multimodal ? "llama4" : "llama4_text", hidden,
                t.optionalLong(VOCABULARY, "vocab_size").orElse(202_048L), t.bool("tie_word_embeddings", false),
                t.optionalLong(POSITIONS, "max_position_embeddings").orElse(131_072L), stack);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        ModelConfig t = text(c);
        boolean bias = t.bool("attention_bias", false);
        long h = a.hiddenSize();
        String model = multimodal ? "language_model.model." : "model.";
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix(model + "embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = model + "layers." + TensorGroup.LAYER + ".";
        int first = 0;
        for (LayerBlock block : a.blocks()) {
            TensorListBuilder.Scope layer = tensors.layers(first, block.count());
            DecoderTensors.attention(layer, p, h, block.attention(), bias, bias, false);
            layer.vector(p + "input_layernorm.weight", NORM, h);
            layer.vector(p + "post_attention_layernorm.weight", NORM, h);
            switch (block.mlp()) {
                case Mlp.Moe m -> {
                    layer.matrix(p + "feed_forward.router.weight", ROUTER, m.experts(), h);
                    layer.stackedExperts(p + "feed_forward.experts.gate_up_proj", FFN_GATE_UP, m.experts(), h,
                            2 * m.expertIntermediate());
                    layer.stackedExperts(p + "feed_forward.experts.down_proj", FFN_DOWN, m.experts(),
                            m.expertIntermediate(), h);
                    DecoderTensors.gatedMlp(layer, p + "feed_forward.shared_expert.", h, m.sharedIntermediate());
                }
                case Mlp.Dense d -> DecoderTensors.gatedMlp(layer, p + "feed_forward.", h, d.intermediate());
                case Mlp.None n -> throw new IllegalStateException("Llama 4 layers all have an MLP");
            }
            first += block.count();
        }
        tensors.once().vector(model + "norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix((multimodal ? "language_model." : "") + "lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        if (multimodal) {
            Llama4Vision.addTensors(tensors, c.child("vision_config").orElseThrow(() ->
                    new app.bytewise.engine.InvalidInputException(c.path("vision_config"),
                            "A llama4 config has a vision_config; without it use llama4_text.")), h);
        }
        return tensors.build();
    }
}
