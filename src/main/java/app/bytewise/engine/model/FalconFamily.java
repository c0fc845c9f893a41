package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.List;

/**
 * Falcon ({@code modeling_falcon.py}, {@code FalconConfig}): fused query/key/value, parallel
 * attention and MLP, LayerNorms with bias. Falcon-7B is multi-query (one shared key/value head);
 * the "new decoder architecture" (Falcon-40B/180B) uses {@code num_kv_heads} groups and two
 * LayerNorms per block. Older configs spell fields {@code n_head}, {@code n_layer},
 * {@code n_head_kv}; {@code model_type} may be {@code RefinedWeb}/{@code RefinedWebModel}.
 */
public record FalconFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong(HIDDEN, "hidden_size");
        int heads = c.requiredInt(HEADS, "num_attention_heads", "n_head");
        boolean newArch = c.bool("new_decoder_architecture", false);
        int kvHeads;
        if (newArch) {
            kvHeads = c.optionalInt(HEADS, "num_kv_heads", "n_head_kv").orElse(heads);
        } else {
            kvHeads = c.bool("multi_query", true) ? 1 : heads;
        }
        ModelFamily.checkedKvHeads(c, "num_kv_heads", heads, kvHeads);
        long ffn = c.optionalLong(INTERMEDIATE, "ffn_hidden_size").orElse(4 * hidden);
        // FalconConfig's max_position_embeddings defaults to 2,048 (configuration_falcon.py).
        return Architecture.uniform("falcon", hidden, c.requiredInt(LAYERS, "num_hidden_layers", "n_layer"), heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), new Mlp.Dense(ffn, false), c.requiredLong(VOCABULARY, "vocab_size"),
                c.bool("tie_word_embeddings", true), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(2048L), 0, 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        boolean bias = c.bool("bias", false);
        boolean newArch = c.bool("new_decoder_architecture", false);
        boolean parallel = c.bool("parallel_attn", true);
        // FalconConfig's num_ln_in_parallel_attn: only whether it is 2 matters.
        boolean twoNorms = c.optionalInt(LAYERS, "num_ln_in_parallel_attn").orElse(newArch ? 2 : 1) == 2;
        long h = a.hiddenSize();
        long qkv = (long) (a.attentionHeads() + 2 * a.kvHeads()) * a.headDim();

        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("transformer.word_embeddings.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "transformer.h." + TensorGroup.LAYER + ".";
        if (newArch && twoNorms) {
            layer.layerNorm(p + "ln_attn", h);
            layer.layerNorm(p + "ln_mlp", h);
        } else {
            layer.layerNorm(p + "input_layernorm", h);
            if (!parallel) {
                layer.layerNorm(p + "post_attention_layernorm", h);
            }
        }
        layer.linear(p + "self_attention.query_key_value", ATTN_QKV, qkv, h, bias);
        layer.linear(p + "self_attention.dense", ATTN_OUTPUT, h, (long) a.attentionHeads() * a.headDim(), bias);
        layer.linear(p + "mlp.dense_h_to_4h", FFN_UP, a.intermediateSize(), h, bias);
        layer.linear(p + "mlp.dense_4h_to_h", FFN_DOWN, h, a.intermediateSize(), bias);
        once.layerNorm("transformer.ln_f", h);
        if (!a.tiedEmbeddings()) {
            once.matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
