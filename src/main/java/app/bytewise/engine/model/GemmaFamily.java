package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemma and Gemma 2 ({@code modeling_gemma.py}, {@code modeling_gemma2.py}): Llama-like blocks
 * with a {@code head_dim} that need not be hidden/heads (256 in Gemma-7B) and embeddings tied to
 * the output unless the config says otherwise. Gemma 2 adds a norm before and after the MLP and
 * alternates sliding-window (even layers) and global attention.
 */
public record GemmaFamily(boolean gemma2) implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("hidden_size");
        int heads = c.requiredInt("num_attention_heads");
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt("num_key_value_heads").orElse(heads));
        // GemmaConfig and Gemma2Config both default head_dim to 256.
        int headDim = c.optionalInt("head_dim").orElse(256);
        int window = gemma2 ? c.optionalInt("sliding_window").orElse(4096) : 0;
        return new Architecture(gemma2 ? "gemma2" : "gemma", hidden, c.requiredInt("num_hidden_layers"), heads,
                kvHeads, headDim, c.requiredLong("intermediate_size"), c.requiredLong("vocab_size"),
                c.bool("tie_word_embeddings", true), c.optionalLong("max_position_embeddings").orElse(0L),
                window, window > 0 ? 2 : 0, 0, 0);
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        boolean bias = c.bool("attention_bias", false);
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), h));
        for (int i = 0; i < a.layers(); i++) {
            String p = "model.layers." + i + ".";
            tensors.add(Tensor.vector(p + "input_layernorm.weight", NORM, i, h));
            LlamaFamily.linear(tensors, p + "self_attn.q_proj", ATTN_Q, i, q, h, bias);
            LlamaFamily.linear(tensors, p + "self_attn.k_proj", ATTN_K, i, kv, h, bias);
            LlamaFamily.linear(tensors, p + "self_attn.v_proj", ATTN_V, i, kv, h, bias);
            LlamaFamily.linear(tensors, p + "self_attn.o_proj", ATTN_OUTPUT, i, h, q, bias);
            tensors.add(Tensor.vector(p + "post_attention_layernorm.weight", NORM, i, h));
            if (gemma2) {
                tensors.add(Tensor.vector(p + "pre_feedforward_layernorm.weight", NORM, i, h));
                tensors.add(Tensor.vector(p + "post_feedforward_layernorm.weight", NORM, i, h));
            }
            tensors.add(Tensor.matrix(p + "mlp.gate_proj.weight", FFN_GATE, i, a.intermediateSize(), h));
            tensors.add(Tensor.matrix(p + "mlp.up_proj.weight", FFN_UP, i, a.intermediateSize(), h));
            tensors.add(Tensor.matrix(p + "mlp.down_proj.weight", FFN_DOWN, i, h, a.intermediateSize()));
        }
        tensors.add(Tensor.vector("model.norm.weight", NORM, -1, h));
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("lm_head.weight", OUTPUT, -1, a.vocabSize(), h));
        }
        return tensors;
    }
}
