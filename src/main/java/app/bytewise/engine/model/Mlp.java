package app.bytewise.engine.model;

/** The feed-forward half of a layer: a closed set. */
public sealed interface Mlp {

    /** One MLP of {@code intermediate} width; {@code gated} for SwiGLU/GeGLU (gate, up and down). */
    record Dense(long intermediate, boolean gated) implements Mlp {
    }

    /**
     * A mixture of experts: {@code perToken} of {@code experts} routed experts, each an MLP of
     * {@code expertIntermediate} width, plus always-active shared experts of {@code sharedIntermediate}
     * width in total (0 for none: Mixtral; DeepSeek's {@code n_shared_experts × moe_intermediate_size}).
     */
    record Moe(int experts, int perToken, long expertIntermediate, long sharedIntermediate, boolean gated) implements Mlp {
    }

    /** A layer without an MLP (a Mamba block). */
    record None() implements Mlp {
    }
}
