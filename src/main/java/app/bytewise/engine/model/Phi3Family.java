package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Phi-3 ({@code modeling_phi3.py}): Llama-like blocks with query/key/value fused into one
 * {@code qkv_proj} and gate/up fused into one {@code gate_up_proj}; untied output head.
 */
public record Phi3Family() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("hidden_size");
        int heads = c.requiredInt("num_attention_heads");
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt("num_key_value_heads").orElse(heads));
        int window = c.optionalInt("sliding_window").orElse(0);
        return new Architecture("phi3", hidden, c.requiredInt("num_hidden_layers"), heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), c.requiredLong("intermediate_size"),
                c.requiredLong("vocab_size"), c.bool("tie_word_embeddings", false),
                c.optionalLong("max_position_embeddings").orElse(0L), window, window > 0 ? 1 : 0, 0, 0);
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long qkv = q + 2L * a.kvHeads() * a.headDim();
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), h));
        for (int i = 0; i < a.layers(); i++) {
            String p = "model.layers." + i + ".";
            tensors.add(Tensor.vector(p + "input_layernorm.weight", NORM, i, h));
            tensors.add(Tensor.matrix(p + "self_attn.qkv_proj.weight", ATTN_QKV, i, qkv, h));
            tensors.add(Tensor.matrix(p + "self_attn.o_proj.weight", ATTN_OUTPUT, i, h, q));
            tensors.add(Tensor.vector(p + "post_attention_layernorm.weight", NORM, i, h));
            tensors.add(Tensor.matrix(p + "mlp.gate_up_proj.weight", FFN_GATE_UP, i, 2 * a.intermediateSize(), h));
            tensors.add(Tensor.matrix(p + "mlp.down_proj.weight", FFN_DOWN, i, h, a.intermediateSize()));
        }
        tensors.add(Tensor.vector("model.norm.weight", NORM, -1, h));
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("lm_head.weight", OUTPUT, -1, a.vocabSize(), h));
        }
        return tensors;
    }
}
