package app.bytewise.engine.inference;

import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Architecture;
import java.util.List;
import java.util.Set;

/**
 * Peak activation memory while the prompt is processed (prefill), in 16-bit. At inference only one
 * layer's intermediates are alive at a time, so the peak is the largest set inside one layer: the
 * residual stream plus either the attention working set or the MLP's. Eager attention
 * materializes the {@code b × heads × s × s} scores and probabilities (2 bytes each);
 * FlashAttention never does, keeping only a per-row log-sum-exp in FP32 (Dao et al. 2022,
 * "FlashAttention", §3.1). The last position's logits are kept in FP32 ({@code b × vocab × 4}).
 * This is a model of the largest live tensors, not a profiler trace: allocator caching and fused
 * kernels move real figures by some percent.
 */
public final class PrefillActivations {

    private static final Set<String> GATED_MLP = Set.of("llama", "mistral", "mixtral", "qwen2", "gemma", "gemma2", "phi3");

    private PrefillActivations() {
    }

    /** Exact, or {@link ArithmeticException} when the bytes overflow a {@code long}. */
    public static long bytes(Architecture a, long tokens, int batch, boolean flashAttention) {
        long bs = Math.multiplyExact(tokens, batch);
        long hidden = Math.multiplyExact(4 * bs, a.hiddenSize());
        long qkv = Math.multiplyExact(2 * bs, (long) (a.attentionHeads() + 2 * a.kvHeads()) * a.headDim());
        long attnOut = Math.multiplyExact(2 * bs, (long) a.attentionHeads() * a.headDim());
        long scores = flashAttention
                ? Math.multiplyExact((long) batch * a.attentionHeads(), 4 * tokens)
                : Math.multiplyExact(2L * batch * a.attentionHeads() * tokens, Math.multiplyExact(tokens, 2L));
        int mlpTensors = GATED_MLP.contains(a.family()) ? 3 : 2;
        long routed = a.isMoe() ? a.expertsPerToken() : 1;
        long mlp = Math.multiplyExact(Math.multiplyExact(2L * mlpTensors * bs, a.intermediateSize()), routed);
        long logits = (long) batch * a.vocabSize() * 4;
        long attention = Math.addExact(Math.addExact(qkv, attnOut), scores);
        return Math.addExact(Math.addExact(hidden, Math.max(attention, mlp)), logits);
    }

    public static Step step(Architecture a, long tokens, int batch, boolean flashAttention) {
        String attention = flashAttention
                ? "s·b·(n_h + 2·n_kv)·d·2 + s·b·n_h·d·2 + b·n_h·s·4"
                : "s·b·(n_h + 2·n_kv)·d·2 + s·b·n_h·d·2 + 2·b·n_h·s²·2";
        String formula = "2·s·b·h·2 + max(attention = " + attention + ", MLP = "
                + (GATED_MLP.contains(a.family()) ? "3" : "2") + "·s·b·I·2" + (a.isMoe() ? "·k" : "")
                + ") + b·V·4";
        return Step.bytes("activations",
                "Prefill activations, one layer at a time (" + (flashAttention ? "FlashAttention" : "eager attention") + ")",
                formula,
                List.of(Input.of("s", tokens, "tokens"), Input.of("b", batch, "sequences"),
                        Input.of("h", a.hiddenSize(), ""), Input.of("n_h", a.attentionHeads(), "heads"),
                        Input.of("n_kv", a.kvHeads(), "KV heads"), Input.of("d", a.headDim(), ""),
                        Input.of("I", a.intermediateSize(), ""), Input.of("V", a.vocabSize(), "tokens in vocabulary")),
                bytes(a, tokens, batch, flashAttention),
                flashAttention ? "FlashAttention never stores the s × s score matrix."
                        : "Eager attention stores scores and probabilities, 2·b·n_h·s² values: quadratic in the context.");
    }
}
