package app.bytewise.engine.inference;

import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Architecture;
import java.util.ArrayList;
import java.util.List;

/**
 * KV-cache memory: every layer keeps a key and a value vector per KV head per token, so
 * {@code 2 × layers × kv_heads × head_dim × tokens × batch × bytes} (Pope et al. 2022, "Efficiently
 * Scaling Transformer Inference", §2; GQA/MQA shrink {@code kv_heads}: Ainslie et al. 2023,
 * Shazeer 2019). Layers with a sliding window keep at most the window (Mistral 7B's rolling buffer
 * cache, Jiang et al. 2023, §2); paged allocation rounds each sequence up to whole pages (vLLM,
 * Kwon et al. 2023, §4.2).
 */
public final class KvCache {

    private KvCache() {
    }

    /**
     * Layers come in two kinds, with the window and without, so the sum over layers is two products:
     * the cost does not grow with the layer count. Overflow throws {@link ArithmeticException}.
     */
    public static long bytes(Architecture a, KvFormat format, long context, int batch, int pageSize) {
        long channels = (long) a.kvHeads() * a.headDim();
        long sliding = a.slidingLayerCount();
        long windowed = sliding == 0 ? 0
                : Math.multiplyExact(sliding, format.layerBytes(kept(Math.min(context, a.slidingWindow()), pageSize), channels));
        long full = Math.multiplyExact(a.layers() - sliding, format.layerBytes(kept(context, pageSize), channels));
        return Math.multiplyExact(Math.addExact(windowed, full), batch);
    }

    private static long kept(long tokens, int pageSize) {
        return pageSize > 0 ? Math.multiplyExact(Math.ceilDiv(tokens, pageSize), pageSize) : tokens;
    }

    public static Step step(Architecture a, KvFormat format, long context, int batch, int pageSize) {
        long bytes = bytes(a, format, context, batch, pageSize);
        List<Input> inputs = new ArrayList<>(List.of(
                Input.of("L", a.layers(), "layers"),
                Input.of("n_kv", a.kvHeads(), "KV heads"),
                Input.of("d_head", a.headDim(), ""),
                Input.of("s", context, "tokens"),
                Input.of("b", batch, "sequences")));
        List<String> notes = new ArrayList<>();
        if (a.kvHeads() != a.attentionHeads()) {
            notes.add(a.attentionHeads() + " query heads share " + a.kvHeads() + " KV heads ("
                    + (a.kvHeads() == 1 ? "multi-query" : "grouped-query") + " attention), so the cache is "
                    + a.gqaGroupSize() + "× smaller than with one KV head per query head.");
        }
        if (a.slidingWindow() > 0 && context > a.slidingWindow()) {
            notes.add((a.slidingLayerStride() == 1 ? "Every layer" : "Every other layer") + " attends through a "
                    + String.format("%,d", a.slidingWindow()) + "-token sliding window and keeps only that many tokens.");
        }
        if (pageSize > 0) {
            notes.add("Paged allocation: each sequence takes whole pages of " + pageSize + " tokens.");
        }
        String formula;
        if (format.isQuantized()) {
            formula = "2 × L × (s_q × n_kv × d_head × bits/8 + scales and zero points + min(s, R) × n_kv × d_head × 2) × b";
            inputs.add(Input.of("bits", format.bits(), ""));
            inputs.add(Input.of("G", format.group(), "group"));
            inputs.add(Input.of("R", format.residual(), "tokens in FP16"));
            notes.add("s_q = s − min(s, R) tokens are quantized; keys per channel over G tokens and values per token "
                    + "over G channels each carry an FP16 scale and zero point (KIVI).");
        } else {
            formula = "2 × L × n_kv × d_head × s × b × bytes";
            inputs.add(Input.of("bytes", format.bits() / 8, "per element"));
        }
        return Step.bytes("kvCache", "KV cache (" + format.describe() + ")", formula, inputs, bytes,
                String.join(" ", notes));
    }
}
