package app.bytewise.engine.inference;

import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import java.util.List;

/**
 * Peak activation memory while the prompt is processed (prefill), in 16-bit. At inference only one
 * layer's intermediates are alive at a time, so the peak is the largest set inside one layer, taken
 * over the model's layer kinds: the residual stream plus either the attention working set or the
 * MLP's. Eager attention materializes the {@code b × heads × s × s} scores and probabilities
 * (2 bytes each; a sliding window only masks them); FlashAttention never does, keeping only a
 * per-row log-sum-exp in FP32 (Dao et al. 2022, "FlashAttention", §3.1). The last position's logits
 * are kept in FP32 ({@code b × vocab × 4}). This is a model of the largest live tensors, not a
 * profiler trace: allocator caching and fused kernels move real figures by some percent.
 */
public final class PrefillActivations {

    private PrefillActivations() {
    }

    /** Exact, or {@link ArithmeticException} when the bytes overflow a {@code long}. */
    public static long bytes(Architecture a, long tokens, int batch, boolean flashAttention) {
        long bs = Math.multiplyExact(tokens, batch);
        long hidden = Math.multiplyExact(4 * bs, a.hiddenSize());
        long largest = 0;
        for (LayerBlock kind : a.kinds()) {
            largest = Math.max(largest, Math.max(attention(kind.attention(), tokens, batch, flashAttention),
                    mlp(kind.mlp(), bs)));
        }
        long logits = (long) batch * a.vocabSize() * 4;
        return Math.addExact(Math.addExact(hidden, largest), logits);
    }

    private static long attention(Attention attention, long tokens, int batch, boolean flash) {
        long bs = Math.multiplyExact(tokens, batch);
        return switch (attention) {
            case Attention.Full f -> heads(f.heads(), f.kvHeads(), f.headDim(), tokens, batch, flash);
            case Attention.Sliding s -> heads(s.heads(), s.kvHeads(), s.headDim(), tokens, batch, flash);
            case Attention.Chunked c -> heads(c.heads(), c.kvHeads(), c.headDim(), tokens, batch, flash);
            case Attention.Latent l -> {
                // Queries, the latent, keys and values expanded per head, and the attention output.
                long width = (long) l.heads() * l.qkHeadDim() + l.cachedValuesPerToken()
                        + (long) l.heads() * (l.qkHeadDim() + l.vHeadDim()) + (long) l.heads() * l.vHeadDim();
                yield Math.addExact(Math.multiplyExact(2 * bs, width), scores(l.heads(), tokens, batch, flash));
            }
            // The input projections' outputs and the mixer's output: no score matrix.
            case Attention.GatedDeltaNet d -> Math.multiplyExact(2 * bs,
                    d.convChannels() + 2L * d.valueHeads() * d.valueHeadDim() + 2L * d.valueHeads());
            case Attention.Mamba m -> Math.multiplyExact(2 * bs, m.innerSize() + m.convChannels() + m.heads() + m.innerSize());
        };
    }

    private static long heads(int heads, int kvHeads, int headDim, long tokens, int batch, boolean flash) {
        long bs = Math.multiplyExact(tokens, batch);
        long qkv = Math.multiplyExact(2 * bs, (long) (heads + 2 * kvHeads) * headDim);
        long out = Math.multiplyExact(2 * bs, (long) heads * headDim);
        return Math.addExact(Math.addExact(qkv, out), scores(heads, tokens, batch, flash));
    }

    private static long scores(int heads, long tokens, int batch, boolean flash) {
        return flash ? Math.multiplyExact((long) batch * heads, 4 * tokens)
                : Math.multiplyExact(2L * batch * heads * tokens, Math.multiplyExact(tokens, 2L));
    }

    private static long mlp(Mlp mlp, long bs) {
        return switch (mlp) {
            case Mlp.Dense d -> Math.multiplyExact(2L * (d.gated() ? 3 : 2) * bs, d.intermediate());
            case Mlp.Moe m -> Math.multiplyExact(2L * (m.gated() ? 3 : 2) * bs,
                    Math.addExact(Math.multiplyExact(m.expertIntermediate(), m.perToken()), m.sharedIntermediate()));
            case Mlp.None n -> 0;
        };
    }

    public static Step step(Architecture a, long tokens, int batch, boolean flashAttention) {
        String attention = flashAttention
                ? "s·b·(n_h + 2·n_kv)·d·2 + s·b·n_h·d·2 + b·n_h·s·4"
                : "s·b·(n_h + 2·n_kv)·d·2 + s·b·n_h·d·2 + 2·b·n_h·s²·2";
        boolean gated = a.kinds().getFirst().mlp() instanceof Mlp.Dense d ? d.gated()
                : a.kinds().getFirst().mlp() instanceof Mlp.Moe m && m.gated();
        String formula = a.isUniform()
                ? "2·s·b·h·2 + max(attention = " + attention + ", MLP = " + (gated ? "3" : "2") + "·s·b·I·2"
                        + (a.isMoe() ? "·k" : "") + ") + b·V·4"
                : "2·s·b·h·2 + max over layer kinds of max(attention or mixer working set, MLP working set) + b·V·4";
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
