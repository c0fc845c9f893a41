package app.bytewise.engine.inference;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KV-cache memory, summed over the model's layer kinds. An attention layer keeps a key and a value
 * vector per KV head per token, {@code 2 × kv_heads × head_dim × tokens × bytes} (Pope et al. 2022,
 * "Efficiently Scaling Transformer Inference", §2; GQA/MQA shrink {@code kv_heads}: Ainslie et al.
 * 2023, Shazeer 2019). Layers with a sliding window keep at most the window (Mistral 7B's rolling
 * buffer cache, Jiang et al. 2023, §2), chunked layers at most one chunk (Llama 4). Latent attention
 * keeps one compressed vector per token, {@code kv_lora_rank + qk_rope_head_dim} (DeepSeek-V2, §2.1.2).
 * Recurrent layers (Mamba, gated DeltaNet) keep a fixed state per sequence instead, counted in FP32
 * as llama.cpp keeps it ({@code llama-memory-recurrent.cpp}: {@code n_embd_r} + {@code n_embd_s}
 * values per layer). Paged allocation rounds each sequence up to whole pages (vLLM, Kwon et al.
 * 2023, §4.2).
 */
public final class KvCache {

    /** Recurrent states are FP32 whatever the cache type: llama.cpp allocates its r/s tensors as GGML_TYPE_F32. */
    static final int STATE_BYTES = 4;

    private KvCache() {
    }

    /** One product per layer kind, so the cost does not grow with the layer count. Overflow throws {@link ArithmeticException}. */
    public static long bytes(Architecture a, KvFormat format, long context, int batch, int pageSize) {
        long perSequence = 0;
        for (LayerBlock kind : a.kinds()) {
            perSequence = Math.addExact(perSequence, Math.multiplyExact(kind.count(),
                    layerBytes(kind.attention(), format, context, pageSize)));
        }
        return Math.multiplyExact(perSequence, batch);
    }

    /** One layer's cache (or state) for one sequence of {@code context} tokens. */
    static long layerBytes(Attention attention, KvFormat format, long context, int pageSize) {
        return switch (attention) {
            case Attention.Latent l -> {
                if (format.isQuantized()) {
                    throw new InvalidInputException("kvCache", "KIVI-style " + format.id() + " quantizes keys per "
                            + "channel and values per token; latent attention (MLA) caches one compressed vector per "
                            + "token, so choose fp16, bf16 or fp8.");
                }
                yield Math.multiplyExact(kept(context, pageSize), l.cachedValuesPerToken() * format.bits() / 8);
            }
            case Attention.GatedDeltaNet d -> Math.multiplyExact(d.stateValues(), STATE_BYTES);
            case Attention.Mamba m -> Math.multiplyExact(m.stateValues(), STATE_BYTES);
            default -> format.layerBytes(kept(attention.tokensKept(context), pageSize), attention.cachedValuesPerToken() / 2);
        };
    }

    private static long kept(long tokens, int pageSize) {
        return pageSize > 0 ? Math.multiplyExact(Math.ceilDiv(tokens, pageSize), pageSize) : tokens;
    }

    public static Step step(Architecture a, KvFormat format, long context, int batch, int pageSize) {
        long bytes = bytes(a, format, context, batch, pageSize);
        List<String> notes = new ArrayList<>();
        List<Input> inputs;
        String formula;
        if (a.isUniform()) {
            inputs = new ArrayList<>(List.of(
                    Input.of("L", a.layers(), "layers"),
                    Input.of("n_kv", a.kvHeads(), "KV heads"),
                    Input.of("d_head", a.headDim(), ""),
                    Input.of("s", context, "tokens"),
                    Input.of("b", batch, "sequences")));
            if (a.kvHeads() != a.attentionHeads()) {
                notes.add(a.attentionHeads() + " query heads share " + app.bytewise.engine.Plural.count(a.kvHeads(), "KV head") + " ("
                        + (a.kvHeads() == 1 ? "multi-query" : "grouped-query") + " attention), so the cache is "
                        + a.gqaGroupSize() + "× smaller than with one KV head per query head.");
            }
            // Every layer slides here (the architecture is uniform): the product runs over min(s, W) tokens,
            // and the step says so rather than showing s beside a result computed from W.
            boolean capped = a.slidingWindow() > 0 && context > a.slidingWindow();
            if (capped) {
                inputs.add(4, Input.of("W", a.slidingWindow(), "tokens in the window"));
                String pattern = a.slidingPattern();
                notes.add(Character.toUpperCase(pattern.charAt(0)) + pattern.substring(1) + " attends through a "
                        + String.format(Locale.ROOT, "%,d", a.slidingWindow())
                        + "-token sliding window and keeps only that many tokens.");
            }
            if (format.isQuantized()) {
                formula = "2 × L × (s_q × n_kv × d_head × bits/8 + scales and zero points + min(s, R) × n_kv × d_head × 2) × b";
                inputs.add(Input.of("bits", format.bits(), ""));
                inputs.add(Input.of("G", format.group(), "group"));
                inputs.add(Input.of("R", format.residual(), "tokens in FP16"));
                notes.add("s_q = s − min(s, R) tokens are quantized; keys per channel over G tokens and values per token "
                        + "over G channels each carry an FP16 scale and zero point (KIVI).");
            } else {
                String tokens = capped ? "min(s, W)" : "s";
                if (pageSize > 0) {
                    // Paged: whole pages of P tokens per sequence, so the product runs over the rounded-up count.
                    tokens = "⌈" + tokens + " / P⌉ × P";
                    inputs.add(Input.of("P", pageSize, "tokens per page"));
                }
                formula = "2 × L × n_kv × d_head × " + tokens + " × b × bytes";
                inputs.add(Input.of("bytes", format.bits() / 8, "per element"));
            }
        } else {
            inputs = new ArrayList<>(List.of(Input.of("s", context, "tokens"), Input.of("b", batch, "sequences")));
            formula = "Σ over layer kinds: layers × per-layer cache (or state) × b";
            // Kinds that differ only in their MLP (Jamba's dense and MoE Mamba layers) cache alike: one note each.
            Map<Attention, Integer> byAttention = new LinkedHashMap<>();
            for (LayerBlock kind : a.kinds()) {
                byAttention.merge(kind.attention(), kind.count(), Integer::sum);
            }
            byAttention.forEach((attention, count) -> notes.add(kindNote(attention, count, format, context, pageSize)));
        }
        if (pageSize > 0) {
            notes.add("Paged allocation: each sequence takes whole pages of " + pageSize + " tokens.");
        }
        return Step.bytes("kvCache", (a.layersOf(Attention.Mamba.class) + a.layersOf(Attention.GatedDeltaNet.class) > 0
                        ? "KV cache and recurrent state (" : "KV cache (") + format.describe() + ")", formula, inputs, bytes,
                String.join(" ", notes));
    }

    private static String kindNote(Attention attention, int count, KvFormat format, long context, int pageSize) {
        long perLayer = layerBytes(attention, format, context, pageSize);
        String what = switch (attention) {
            case Attention.Latent l -> String.format(Locale.ROOT, "(%d + %d) latent values × %,d tokens",
                    l.kvLoraRank(), l.qkRopeHeadDim(), kept(context, pageSize));
            case Attention.GatedDeltaNet d -> String.format(Locale.ROOT,
                    "a fixed state of %,d values in FP32 (%d value heads × %d × %d, plus the convolution's last %d inputs)",
                    d.stateValues(), d.valueHeads(), d.keyHeadDim(), d.valueHeadDim(), d.convKernel() - 1);
            case Attention.Mamba m -> String.format(Locale.ROOT,
                    "a fixed state of %,d values in FP32 (SSM %,d × %d, plus the convolution's last %d inputs)",
                    m.stateValues(), m.innerSize(), m.stateSize(), m.convKernel() - 1);
            default -> String.format(Locale.ROOT, "2 × %d values × %,d tokens", attention.cachedValuesPerToken() / 2,
                    kept(attention.tokensKept(context), pageSize));
        };
        return String.format(Locale.ROOT, "%d × %s: %s = %,d bytes per layer.", count, attention.describe(), what,
                perLayer);
    }
}
