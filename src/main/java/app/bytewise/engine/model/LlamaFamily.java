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
        long ff = c.requiredLong(INTERMEDIATE, "intermediate_size");
        Mlp mlp = new Mlp.Dense(ff, true);
        if (variant == Variant.MIXTRAL) {
            int experts = c.optionalInt(EXPERTS, "num_local_experts").orElse(8);
            int perToken = ModelFamily.checkedExpertsPerToken(c, experts,
                    c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(2));
            mlp = new Mlp.Moe(experts, perToken, ff, 0, true);
        }
        int headDim = ModelFamily.headDim(c, hidden, heads);
        long vocab = c.requiredLong(VOCABULARY, "vocab_size");
        boolean tied = c.bool("tie_word_embeddings", false);
        long positions = c.optionalLong(POSITIONS, "max_position_embeddings").orElse(defaultPositions());
        String family = variant.name().toLowerCase(java.util.Locale.ROOT);
        int window = slidingWindow(c);
        if (variant == Variant.QWEN2 && window > 0) {
            // Qwen2Config: with use_sliding_window, layers at or above max_window_layers (default 28)
            // slide and the ones below attend fully (configuration_qwen2.py, layer_types).
            int firstSliding = Math.min(layers, c.optionalInt(LAYERS, "max_window_layers").orElse(28));
            List<LayerBlock> stack = new java.util.ArrayList<>();
            if (firstSliding > 0) {
                stack.add(new LayerBlock(firstSliding, new Attention.Full(heads, kvHeads, headDim), mlp));
            }
            if (firstSliding < layers) {
                stack.add(new LayerBlock(layers - firstSliding, new Attention.Sliding(heads, kvHeads, headDim, window), mlp));
            }
            return Architecture.of(family, hidden, vocab, tied, positions, stack);
        }
        return Architecture.uniform(family, hidden, layers, heads, kvHeads, headDim, mlp, vocab, tied, positions, window,
                window > 0 ? 1 : 0);
    }

    /** max_position_embeddings when absent: LlamaConfig 2,048; MistralConfig and MixtralConfig 4096 × 32; Qwen2Config 32,768. */
    private long defaultPositions() {
        return switch (variant) {
            case LLAMA -> 2048;
            case MISTRAL, MIXTRAL -> 131_072;
            case QWEN2 -> 32_768;
        };
    }

    /** MistralConfig defaults to a 4096-token window; Qwen2 uses its window (default 4096) only with use_sliding_window. */
    private int slidingWindow(ModelConfig c) {
        return switch (variant) {
            case MISTRAL -> c.json().has("sliding_window") ? c.optionalInt(POSITIONS, "sliding_window").orElse(0) : 4096;
            case MIXTRAL -> c.optionalInt(POSITIONS, "sliding_window").orElse(0);
            case QWEN2 -> c.bool("use_sliding_window", false) ? c.optionalInt(POSITIONS, "sliding_window").orElse(4096) : 0;
            case LLAMA -> 0;
        };
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        boolean attentionBias = variant == Variant.LLAMA && c.bool("attention_bias", false);
        boolean qkvBias = attentionBias || variant == Variant.QWEN2;
        boolean mlpBias = variant == Variant.LLAMA && c.bool("mlp_bias", false);
        long h = a.hiddenSize();

        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "model.layers." + TensorGroup.LAYER + ".";
        layer.vector(p + "input_layernorm.weight", NORM, h);
        DecoderTensors.attention(layer, p, h, a.attentionHeads(), a.kvHeads(), a.headDim(), qkvBias, attentionBias, false);
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
