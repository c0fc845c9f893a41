package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Llama-style decoders: pre-norm RMSNorm blocks, rotary positions, SwiGLU MLP, optional GQA.
 * Covers {@code llama} (Llama 2, 3, 3.1, 3.2), {@code mistral}, {@code mixtral} (sparse MoE MLP)
 * and {@code qwen2} (biases on q/k/v), following {@code modeling_llama.py},
 * {@code modeling_mistral.py}, {@code modeling_mixtral.py} and {@code modeling_qwen2.py}.
 */
public record LlamaFamily(Variant variant) implements ModelFamily {

    public enum Variant { LLAMA, MISTRAL, MIXTRAL, QWEN2 }

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("hidden_size");
        int layers = c.requiredInt("num_hidden_layers");
        int heads = c.requiredInt("num_attention_heads");
        // LlamaConfig and its relatives: num_key_value_heads=None means multi-head attention.
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt("num_key_value_heads").orElse(heads));
        int experts = variant == Variant.MIXTRAL ? c.optionalInt("num_local_experts").orElse(8) : 0;
        int perToken = variant == Variant.MIXTRAL ? c.optionalInt("num_experts_per_tok").orElse(2) : 0;
        return new Architecture(variant.name().toLowerCase(java.util.Locale.ROOT), hidden, layers, heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), c.requiredLong("intermediate_size"),
                c.requiredLong("vocab_size"), c.bool("tie_word_embeddings", false),
                c.optionalLong("max_position_embeddings").orElse(0L), slidingWindow(c),
                slidingWindow(c) > 0 ? 1 : 0, experts, perToken);
    }

    /** MistralConfig defaults to a 4096-token window; Qwen2 uses its window only with use_sliding_window. */
    private int slidingWindow(ModelConfig c) {
        return switch (variant) {
            case MISTRAL -> c.json().has("sliding_window") ? c.optionalInt("sliding_window").orElse(0) : 4096;
            case MIXTRAL -> c.optionalInt("sliding_window").orElse(0);
            case QWEN2 -> c.bool("use_sliding_window", false) ? c.optionalInt("sliding_window").orElse(0) : 0;
            case LLAMA -> 0;
        };
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        boolean attentionBias = variant == Variant.LLAMA && c.bool("attention_bias", false);
        boolean qkvBias = attentionBias || variant == Variant.QWEN2;
        boolean mlpBias = variant == Variant.LLAMA && c.bool("mlp_bias", false);
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();

        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), h));
        for (int i = 0; i < a.layers(); i++) {
            String p = "model.layers." + i + ".";
            tensors.add(Tensor.vector(p + "input_layernorm.weight", NORM, i, h));
            linear(tensors, p + "self_attn.q_proj", ATTN_Q, i, q, h, qkvBias);
            linear(tensors, p + "self_attn.k_proj", ATTN_K, i, kv, h, qkvBias);
            linear(tensors, p + "self_attn.v_proj", ATTN_V, i, kv, h, qkvBias);
            linear(tensors, p + "self_attn.o_proj", ATTN_OUTPUT, i, h, q, attentionBias);
            tensors.add(Tensor.vector(p + "post_attention_layernorm.weight", NORM, i, h));
            if (a.isMoe()) {
                String moe = p + "block_sparse_moe.";
                tensors.add(Tensor.matrix(moe + "gate.weight", ROUTER, i, a.experts(), h));
                for (int e = 0; e < a.experts(); e++) {
                    String x = moe + "experts." + e + ".";
                    long ff = a.intermediateSize();
                    tensors.add(Tensor.expertMatrix(x + "w1.weight", FFN_GATE, i, e, ff, h));
                    tensors.add(Tensor.expertMatrix(x + "w2.weight", FFN_DOWN, i, e, h, ff));
                    tensors.add(Tensor.expertMatrix(x + "w3.weight", FFN_UP, i, e, ff, h));
                }
            } else {
                linear(tensors, p + "mlp.gate_proj", FFN_GATE, i, a.intermediateSize(), h, mlpBias);
                linear(tensors, p + "mlp.up_proj", FFN_UP, i, a.intermediateSize(), h, mlpBias);
                linear(tensors, p + "mlp.down_proj", FFN_DOWN, i, h, a.intermediateSize(), mlpBias);
            }
        }
        tensors.add(Tensor.vector("model.norm.weight", NORM, -1, h));
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("lm_head.weight", OUTPUT, -1, a.vocabSize(), h));
        }
        return tensors;
    }

    static void linear(List<Tensor> tensors, String prefix, TensorRole role, int layer, long out, long in,
            boolean bias) {
        tensors.add(Tensor.matrix(prefix + ".weight", role, layer, out, in));
        if (bias) {
            tensors.add(Tensor.vector(prefix + ".bias", BIAS, layer, out));
        }
    }
}
