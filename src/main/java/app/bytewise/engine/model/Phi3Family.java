package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.List;

/**
 * Phi-3 ({@code modeling_phi3.py}): Llama-like blocks with query/key/value fused into one
 * {@code qkv_proj} and gate/up fused into one {@code gate_up_proj}; untied output head.
 */
public record Phi3Family() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong(HIDDEN, "hidden_size");
        int heads = c.requiredInt(HEADS, "num_attention_heads");
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(heads));
        int window = c.optionalInt(POSITIONS, "sliding_window").orElse(0);
        return Architecture.uniform("phi3", hidden, c.requiredInt(LAYERS, "num_hidden_layers"), heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), new Mlp.Dense(c.requiredLong(INTERMEDIATE, "intermediate_size"), true),
                c.requiredLong(VOCABULARY, "vocab_size"), c.bool("tie_word_embeddings", false),
                c.optionalLong(POSITIONS, "max_position_embeddings").orElse(4096L), window, window > 0 ? 1 : 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long qkv = q + 2L * a.kvHeads() * a.headDim();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "model.layers." + TensorGroup.LAYER + ".";
        layer.vector(p + "input_layernorm.weight", NORM, h);
        layer.matrix(p + "self_attn.qkv_proj.weight", ATTN_QKV, qkv, h);
        layer.matrix(p + "self_attn.o_proj.weight", ATTN_OUTPUT, h, q);
        layer.vector(p + "post_attention_layernorm.weight", NORM, h);
        layer.matrix(p + "mlp.gate_up_proj.weight", FFN_GATE_UP, 2 * a.intermediateSize(), h);
        layer.matrix(p + "mlp.down_proj.weight", FFN_DOWN, h, a.intermediateSize());
        once.vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            once.matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
