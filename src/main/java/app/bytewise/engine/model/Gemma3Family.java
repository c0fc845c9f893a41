package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemma 3 ({@code configuration_gemma3.py}, {@code modeling_gemma3.py}): Gemma 2's four norms per
 * layer plus RMSNorms over each query and key head, five sliding-window layers to one global
 * ({@code sliding_window_pattern} 6, or {@code layer_types}), embeddings tied by default.
 * {@code gemma3_text} is the language model alone (Gemma-3-1B); {@code gemma3} nests it in
 * {@code text_config} beside a SigLIP {@code vision_config} and a projector, stored under the
 * names {@code language_model.model.…}, {@code vision_tower.vision_model.…} and
 * {@code multi_modal_projector.…}.
 */
public record Gemma3Family(boolean multimodal) implements ModelFamily {

    static final String TEXT_PREFIX = "language_model.";

    private static ModelConfig text(ModelConfig c, boolean multimodal) {
        return multimodal ? c.child("text_config").orElseGet(() -> new ModelConfig(
                tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode(), c.path("text_config"))) : c;
    }

    @Override
    public Architecture architecture(ModelConfig c) {
        ModelConfig t = text(c, multimodal);
        // Gemma3TextConfig defaults (the 2B-like shape): 2304 wide, 26 layers, 8 heads, 4 KV, head_dim 256.
        long hidden = t.optionalLong(HIDDEN, "hidden_size").orElse(2304L);
        int layers = t.optionalInt(LAYERS, "num_hidden_layers").orElse(26);
        int heads = t.optionalInt(HEADS, "num_attention_heads").orElse(8);
        int kvHeads = ModelFamily.checkedKvHeads(t, "num_key_value_heads", heads,
                t.optionalInt(HEADS, "num_key_value_heads").orElse(4));
        int headDim = t.optionalInt(HEAD_DIM, "head_dim").orElse(256);
        int window = t.optionalInt(POSITIONS, "sliding_window").orElse(4096);
        int pattern = t.optionalInt(LAYERS, "sliding_window_pattern").orElse(6);
        Mlp mlp = new Mlp.Dense(t.optionalLong(INTERMEDIATE, "intermediate_size").orElse(9216L), true);
        List<String> types = t.strings("layer_types", layers, QwenFamily.LAYER_TYPES).orElse(null);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            // Gemma3TextConfig: layer i slides unless (i + 1) % sliding_window_pattern == 0.
            boolean sliding = types == null ? (i + 1) % pattern != 0 : types.get(i).equals("sliding_attention");
            stack.add(new LayerBlock(1, sliding ? new Attention.Sliding(heads, kvHeads, headDim, window)
                    : new Attention.Full(heads, kvHeads, headDim), mlp));
        }
        boolean tied = t.bool("tie_word_embeddings", c.bool("tie_word_embeddings", true));
        return Architecture.of(multimodal ? "gemma3" : "gemma3_text", hidden,
                t.optionalLong(VOCABULARY, "vocab_size").orElse(262_208L), tied,
                t.optionalLong(POSITIONS, "max_position_embeddings").orElse(131_072L), stack);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        ModelConfig t = text(c, multimodal);
        boolean bias = t.bool("attention_bias", false);
        long h = a.hiddenSize();
        String model = multimodal ? TEXT_PREFIX + "model." : "model.";
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix(model + "embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = model + "layers." + TensorGroup.LAYER + ".";
        TensorListBuilder.Scope layer = tensors.everyLayer();
        layer.vector(p + "input_layernorm.weight", NORM, h);
        DecoderTensors.attention(layer, p, h, a.attentionHeads(), a.kvHeads(), a.headDim(), bias, bias, true);
        layer.vector(p + "post_attention_layernorm.weight", NORM, h);
        layer.vector(p + "pre_feedforward_layernorm.weight", NORM, h);
        layer.vector(p + "post_feedforward_layernorm.weight", NORM, h);
        DecoderTensors.gatedMlp(layer, p + "mlp.", h, a.intermediateSize());
        tensors.once().vector(model + "norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix((multimodal ? TEXT_PREFIX : "") + "lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        if (multimodal) {
            ModelConfig vision = c.child("vision_config").orElseThrow(() -> new app.bytewise.engine.InvalidInputException(
                    c.path("vision_config"), "A gemma3 config has a vision_config (SigLIP); without it use gemma3_text."));
            SiglipVision.addTensors(tensors, vision, "vision_tower.vision_model.");
            long visionWidth = SiglipVision.hidden(vision);
            // Gemma3MultiModalProjector: a raw [vision, text] parameter used as x @ W, and a Gemma RMSNorm.
            tensors.once().tensor("multi_modal_projector.mm_input_projection_weight", VISION, List.of(visionWidth, h), 0);
            tensors.once().vector("multi_modal_projector.mm_soft_emb_norm.weight", VISION, visionWidth);
        }
        return tensors.build();
    }
}
