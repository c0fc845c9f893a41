package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

/**
 * The tensors decoder families share, named as Hugging Face checkpoints name them: Llama-style
 * attention ({@code self_attn.q_proj … o_proj}, optional biases and per-head q/k RMSNorms), the
 * gated MLP ({@code mlp.gate_proj, up_proj, down_proj}) and routed experts.
 */
final class DecoderTensors {

    static final String LAYER_PREFIX = "model.layers." + TensorGroup.LAYER + ".";

    private DecoderTensors() {
    }

    /**
     * q/k/v/o projections of {@code heads} query and {@code kvHeads} KV heads of {@code headDim};
     * {@code qkNorm} adds Qwen3's and Gemma 3's RMSNorm over each head ({@code q_norm}, {@code k_norm},
     * {@code [head_dim]}).
     */
    static void attention(TensorListBuilder.Scope layer, String p, long hidden, int heads, int kvHeads, int headDim,
            boolean qkvBias, boolean outputBias, boolean qkNorm) {
        long q = (long) heads * headDim;
        long kv = (long) kvHeads * headDim;
        layer.linear(p + "self_attn.q_proj", ATTN_Q, q, hidden, qkvBias);
        layer.linear(p + "self_attn.k_proj", ATTN_K, kv, hidden, qkvBias);
        layer.linear(p + "self_attn.v_proj", ATTN_V, kv, hidden, qkvBias);
        layer.linear(p + "self_attn.o_proj", ATTN_OUTPUT, hidden, q, outputBias);
        if (qkNorm) {
            layer.vector(p + "self_attn.q_norm.weight", NORM, headDim);
            layer.vector(p + "self_attn.k_norm.weight", NORM, headDim);
        }
    }

    /** The attention of a Full, Sliding or Chunked layer; other kinds have their own tensors. */
    static void attention(TensorListBuilder.Scope layer, String p, long hidden, Attention kind, boolean qkvBias,
            boolean outputBias, boolean qkNorm) {
        switch (kind) {
            case Attention.Full f -> attention(layer, p, hidden, f.heads(), f.kvHeads(), f.headDim(), qkvBias, outputBias, qkNorm);
            case Attention.Sliding s -> attention(layer, p, hidden, s.heads(), s.kvHeads(), s.headDim(), qkvBias, outputBias, qkNorm);
            case Attention.Chunked c -> attention(layer, p, hidden, c.heads(), c.kvHeads(), c.headDim(), qkvBias, outputBias, qkNorm);
            default -> throw new IllegalArgumentException("not a softmax attention with q/k/v projections: " + kind);
        }
    }

    /** {@code <prefix>.gate_proj, up_proj, down_proj}, each an {@code nn.Linear} without bias. */
    static void gatedMlp(TensorListBuilder.Scope scope, String prefix, long hidden, long intermediate) {
        scope.matrix(prefix + "gate_proj.weight", FFN_GATE, intermediate, hidden);
        scope.matrix(prefix + "up_proj.weight", FFN_UP, intermediate, hidden);
        scope.matrix(prefix + "down_proj.weight", FFN_DOWN, hidden, intermediate);
    }

    /**
     * Qwen's MLP ({@code modular_qwen2_moe.py}, shared by Qwen3-MoE and Qwen3-Next): dense, or routed
     * experts with, where the config has one, a shared expert and its sigmoid gate
     * ({@code shared_expert_gate [1, hidden]}), all under {@code prefix}.
     */
    static void qwenMlp(TensorListBuilder tensors, int first, int count, String prefix, long hidden, Mlp mlp) {
        switch (mlp) {
            case Mlp.Dense d -> gatedMlp(tensors.layers(first, count), prefix, hidden, d.intermediate());
            case Mlp.Moe m -> {
                routedExperts(tensors, first, count, prefix, hidden, m);
                if (m.sharedIntermediate() > 0) {
                    TensorListBuilder.Scope shared = tensors.layers(first, count);
                    gatedMlp(shared, prefix + "shared_expert.", hidden, m.sharedIntermediate());
                    shared.matrix(prefix + "shared_expert_gate.weight", ROUTER, 1, hidden);
                }
            }
            case Mlp.None n -> throw new IllegalStateException("Qwen layers all have an MLP");
        }
    }

    /** The router {@code <prefix>gate.weight [experts, hidden]} and each expert's gated MLP under {@code <prefix>experts.{e}.}. */
    static void routedExperts(TensorListBuilder tensors, int first, int count, String prefix, long hidden, Mlp.Moe moe) {
        tensors.layers(first, count).matrix(prefix + "gate.weight", ROUTER, moe.experts(), hidden);
        gatedMlp(tensors.experts(first, count, moe.experts()), prefix + "experts." + TensorGroup.EXPERT + ".", hidden,
                moe.expertIntermediate());
    }
}
