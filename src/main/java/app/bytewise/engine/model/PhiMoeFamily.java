package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.List;

/**
 * Phi-3.5-MoE ({@code phimoe}: {@code configuration_phimoe.py}, {@code modular_phimoe.py}): every layer
 * a mixture of 16 experts stored as Mixtral names them ({@code block_sparse_moe.experts.{e}.w1/w2/w3}),
 * LayerNorms with biases instead of RMSNorm, optional biases on the attention projections
 * ({@code attention_bias}) and on the output head ({@code lm_head_bias}).
 */
public record PhiMoeFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(4096L);
        int heads = c.optionalInt(HEADS, "num_attention_heads").orElse(32);
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(8));
        int experts = c.optionalInt(EXPERTS, "num_local_experts").orElse(16);
        int perToken = ModelFamily.checkedExpertsPerToken(c, experts, c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(2));
        Mlp moe = new Mlp.Moe(experts, perToken, c.optionalLong(INTERMEDIATE, "intermediate_size").orElse(6400L), 0, true);
        int window = c.optionalInt(POSITIONS, "sliding_window").orElse(0);
        return Architecture.uniform("phimoe", hidden, c.optionalInt(LAYERS, "num_hidden_layers").orElse(32), heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), moe, c.optionalLong(VOCABULARY, "vocab_size").orElse(32_064L),
                c.bool("tie_word_embeddings", false), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(131_072L),
                window, window > 0 ? 1 : 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        boolean bias = c.bool("attention_bias", false);
        long h = a.hiddenSize();
        long ff = a.intermediateSize();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = DecoderTensors.LAYER_PREFIX;
        TensorListBuilder.Scope layer = tensors.everyLayer();
        layer.layerNorm(p + "input_layernorm", h);
        DecoderTensors.attention(layer, p, h, a.attentionHeads(), a.kvHeads(), a.headDim(), bias, bias, false);
        layer.layerNorm(p + "post_attention_layernorm", h);
        layer.matrix(p + "block_sparse_moe.gate.weight", ROUTER, a.experts(), h);
        TensorListBuilder.Scope expert = tensors.everyExpert(a.experts());
        String x = p + "block_sparse_moe.experts." + TensorGroup.EXPERT + ".";
        expert.matrix(x + "w1.weight", FFN_GATE, ff, h);
        expert.matrix(x + "w2.weight", FFN_DOWN, h, ff);
        expert.matrix(x + "w3.weight", FFN_UP, ff, h);
        tensors.once().layerNorm("model.norm", h);
        if (!a.tiedEmbeddings()) {
            tensors.once().linear("lm_head", OUTPUT, a.vocabSize(), h, c.bool("lm_head_bias", false));
        }
        return tensors.build();
    }
}
