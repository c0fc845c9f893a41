package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

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
        long hidden = c.requiredLong(HIDDEN, "hidden_size");
        int layers = c.requiredInt(LAYERS, "num_hidden_layers");
        int heads = c.requiredInt(HEADS, "num_attention_heads");
        // LlamaConfig and its relatives: num_key_value_heads=None means multi-head attention.
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(heads));
        int experts = variant == Variant.MIXTRAL ? c.optionalInt(EXPERTS, "num_local_experts").orElse(8) : 0;
        int perToken = variant == Variant.MIXTRAL ? ModelFamily.checkedExpertsPerToken(c, experts,
                c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(2)) : 0;
        return new Architecture(variant.name().toLowerCase(java.util.Locale.ROOT), hidden, layers, heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), c.requiredLong(INTERMEDIATE, "intermediate_size"),
                c.requiredLong(VOCABULARY, "vocab_size"), c.bool("tie_word_embeddings", false),
                c.optionalLong(POSITIONS, "max_position_embeddings").orElse(0L), slidingWindow(c),
                slidingWindow(c) > 0 ? 1 : 0, experts, perToken);
    }

    /** MistralConfig defaults to a 4096-token window; Qwen2 uses its window only with use_sliding_window. */
    private int slidingWindow(ModelConfig c) {
        return switch (variant) {
            case MISTRAL -> c.json().has("sliding_window") ? c.optionalInt(POSITIONS, "sliding_window").orElse(0) : 4096;
            case MIXTRAL -> c.optionalInt(POSITIONS, "sliding_window").orElse(0);
            case QWEN2 -> c.bool("use_sliding_window", false) ? c.optionalInt(POSITIONS, "sliding_window").orElse(0) : 0;
            case LLAMA -> 0;
        };
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        boolean attentionBias = variant == Variant.LLAMA && c.bool("attention_bias", false);
        boolean qkvBias = attentionBias || variant == Variant.QWEN2;
        boolean mlpBias = variant == Variant.LLAMA && c.bool("mlp_bias", false);
        long h = a.hiddenSize();
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();

        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "model.layers." + TensorGroup.LAYER + ".";
        layer.vector(p + "input_layernorm.weight", NORM, h);
        layer.linear(p + "self_attn.q_proj", ATTN_Q, q, h, qkvBias);
        layer.linear(p + "self_attn.k_proj", ATTN_K, kv, h, qkvBias);
        layer.linear(p + "self_attn.v_proj", ATTN_V, kv, h, qkvBias);
        layer.linear(p + "self_attn.o_proj", ATTN_OUTPUT, h, q, attentionBias);
        layer.vector(p + "post_attention_layernorm.weight", NORM, h);
        if (a.isMoe()) {
            String moe = p + "block_sparse_moe.";
            layer.matrix(moe + "gate.weight", ROUTER, a.experts(), h);
            TensorListBuilder.Scope expert = tensors.everyExpert(a.experts());
            String x = moe + "experts." + TensorGroup.EXPERT + ".";
            long ff = a.intermediateSize();
            expert.matrix(x + "w1.weight", FFN_GATE, ff, h);
            expert.matrix(x + "w2.weight", FFN_DOWN, h, ff);
            expert.matrix(x + "w3.weight", FFN_UP, ff, h);
        } else {
            layer.linear(p + "mlp.gate_proj", FFN_GATE, a.intermediateSize(), h, mlpBias);
            layer.linear(p + "mlp.up_proj", FFN_UP, a.intermediateSize(), h, mlpBias);
            layer.linear(p + "mlp.down_proj", FFN_DOWN, h, a.intermediateSize(), mlpBias);
        }
        once.vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            once.matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
