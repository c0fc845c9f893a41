package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * gpt-oss ({@code configuration_gpt_oss.py}, {@code modular_gpt_oss.py} in transformers; OpenAI's
 * model card): every layer a mixture of experts, attention alternating between a 128-token sliding
 * window (even layers) and full attention, biases on every attention projection and a learned sink
 * logit per head. The experts are stored fused, {@code gate_up_proj [E, hidden, 2·I]} and
 * {@code down_proj [E, I, hidden]}, each with a bias; the router has one too.
 */
public record GptOssFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(2880L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(36);
        int heads = c.optionalInt(HEADS, "num_attention_heads").orElse(64);
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(8));
        int headDim = c.optionalInt(HEAD_DIM, "head_dim").orElse(64);
        int window = c.optionalInt(POSITIONS, "sliding_window").orElse(128);
        int experts = c.optionalInt(EXPERTS, "num_local_experts", "num_experts").orElse(128);
        int perToken = ModelFamily.checkedExpertsPerToken(c, experts,
                c.optionalInt(EXPERTS, "num_experts_per_tok", "experts_per_token").orElse(4));
        Mlp moe = new Mlp.Moe(experts, perToken, c.optionalLong(INTERMEDIATE, "intermediate_size").orElse(2880L), 0, true);
        // GptOssConfig: layer_types default "sliding_attention" for even i, "full_attention" for odd i.
        List<String> types = c.strings("layer_types", layers, QwenFamily.LAYER_TYPES).orElse(null);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            boolean sliding = types == null ? i % 2 == 0 : types.get(i).equals("sliding_attention");
            stack.add(new LayerBlock(1, sliding ? new Attention.Sliding(heads, kvHeads, headDim, window)
                    : new Attention.Full(heads, kvHeads, headDim), moe));
        }
        return Architecture.of("gpt_oss", hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(201_088L),
                c.bool("tie_word_embeddings", false), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(131_072L),
                stack);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        boolean bias = c.bool("attention_bias", true);
        int experts = a.experts();
        long ff = a.intermediateSize();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = DecoderTensors.LAYER_PREFIX;
        TensorListBuilder.Scope layer = tensors.everyLayer();
        layer.vector(p + "input_layernorm.weight", NORM, h);
        DecoderTensors.attention(layer, p, h, a.attentionHeads(), a.kvHeads(), a.headDim(), bias, bias, false);
        layer.vector(p + "self_attn.sinks", ATTN_SINKS, a.attentionHeads());
        layer.vector(p + "post_attention_layernorm.weight", NORM, h);
        layer.linear(p + "mlp.router", ROUTER, experts, h, true);
        layer.stackedExperts(p + "mlp.experts.gate_up_proj", FFN_GATE_UP, experts, h, 2 * ff);
        layer.stackedExpertBias(p + "mlp.experts.gate_up_proj_bias", experts, 2 * ff);
        layer.stackedExperts(p + "mlp.experts.down_proj", FFN_DOWN, experts, ff, h);
        layer.stackedExpertBias(p + "mlp.experts.down_proj_bias", experts, h);
        tensors.once().vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
