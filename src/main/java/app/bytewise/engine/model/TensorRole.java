package app.bytewise.engine.model;

/**
 * What a tensor does in the network. Quantization schemes decide per role (llama.cpp's mixes pick
 * a type for {@code attn_v} or {@code ffn_down}; bitsandbytes and GPTQ quantize only the linear
 * layers inside the blocks), so every tensor of every family maps to one role.
 */
public enum TensorRole {
    TOKEN_EMBEDDING(false),
    POSITION_EMBEDDING(false),
    EMBEDDING_PROJECTION(false),
    ATTN_Q(true),
    ATTN_K(true),
    ATTN_V(true),
    /** Fused query/key/value (Phi-3, Falcon, GPT-2, GPT-NeoX). */
    ATTN_QKV(true),
    ATTN_OUTPUT(true),
    FFN_GATE(true),
    FFN_UP(true),
    /** Fused gate and up projections (Phi-3). */
    FFN_GATE_UP(true),
    FFN_DOWN(true),
    /** The MoE router that scores experts for each token. */
    ROUTER(false),
    NORM(false),
    BIAS(false),
    OUTPUT(false),
    /** A state-space or DeltaNet mixer's input and output projections (Mamba's {@code in_proj}, {@code out_proj}). */
    MIXER_PROJECTION(true),
    /** A mixer's small parameters: convolution, {@code A_log}, {@code D}, {@code dt_bias}, gated norms. */
    MIXER_STATE(false),
    /** Attention sinks: one learned logit per head (gpt-oss). */
    ATTN_SINKS(false),
    /** The vision tower and projector of a multimodal model. */
    VISION(false);

    private final boolean blockLinear;

    TensorRole(boolean blockLinear) {
        this.blockLinear = blockLinear;
    }

    /** A linear layer inside a transformer block: what GPTQ, AWQ and bitsandbytes quantize. */
    public boolean isBlockLinear() {
        return blockLinear;
    }
}
