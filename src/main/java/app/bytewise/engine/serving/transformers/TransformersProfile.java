package app.bytewise.engine.serving.transformers;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hugging Face transformers' {@code DynamicCache} after a generation of {@code tokens} tokens per
 * sequence ({@code src/transformers/cache_utils.py} @004999d9, ≈ v4.56): each layer concatenates its
 * keys and values, {@code [batch, kv_heads, tokens, head_dim]} each, in the model's dtype; built
 * from the config (as {@code generate} does), sliding and chunked layers keep only their last
 * {@code window − 1} tokens ({@code DynamicSlidingWindowLayer}). It allocates nothing ahead: the cache
 * is exactly what has been seen. MLA is cached as attention sees it, decompressed: every head's
 * {@code qk_nope + qk_rope}-wide key and {@code v_head_dim}-wide value ({@code modeling_deepseek_v3.py}
 * updates the cache before the flash-attention padding), 4,997,120 bytes per token for DeepSeek-V3.
 */
public final class TransformersProfile {

    public static final String NAME = "transformers";
    public static final String VERSION = "4.56";

    private TransformersProfile() {
    }

    /** @param dtypeBytes the model's dtype as loaded: 2 for bfloat16/float16, 4 for float32 */
    public static EngineAllocation allocate(Model model, long tokens, int batch, int dtypeBytes) {
        Architecture a = model.architecture().orElseThrow(() -> new InvalidInputException("engine.name",
                "The transformers profile needs the model's layers: choose a catalog model or give its config.json."));
        if (tokens < 1 || batch < 1) {
            throw new InvalidInputException("contextLength", "The context and the batch must be at least 1.");
        }
        List<CacheAllocation> caches = new ArrayList<>();
        String dtype = dtypeBytes == 4 ? "float32" : "bfloat16";
        for (LayerBlock k : a.kinds()) {
            long keyWidth;
            long valueWidth;
            long kept = tokens;
            CacheKind kind = CacheKind.FULL;
            switch (k.attention()) {
                case Attention.Full f -> {
                    keyWidth = (long) f.kvHeads() * f.headDim();
                    valueWidth = keyWidth;
                }
                case Attention.Sliding w -> {
                    keyWidth = (long) w.kvHeads() * w.headDim();
                    valueWidth = keyWidth;
                    kept = Math.min(tokens, w.window() - 1L);
                    kind = CacheKind.SLIDING;
                }
                case Attention.Chunked c -> {
                    keyWidth = (long) c.kvHeads() * c.headDim();
                    valueWidth = keyWidth;
                    kept = Math.min(tokens, c.chunk() - 1L);
                    kind = CacheKind.SLIDING;
                }
                case Attention.Latent l -> {
                    keyWidth = (long) l.heads() * l.qkHeadDim();
                    valueWidth = (long) l.heads() * l.vHeadDim();
                    kind = CacheKind.MLA;
                }
                case Attention.GatedDeltaNet d -> throw recurrent();
                case Attention.Mamba m -> throw recurrent();
            }
            long slots = Math.multiplyExact(Math.multiplyExact(kept, batch), (long) k.count() * dtypeBytes);
            add(caches, new CacheAllocation(kind, k.count(), kept, batch, dtype, Math.multiplyExact(slots, keyWidth), dtype,
                    Math.multiplyExact(slots, valueWidth)));
        }
        List<String> notes = new ArrayList<>();
        if (caches.stream().anyMatch(c -> c.kind() == CacheKind.MLA)) {
            notes.add("transformers caches MLA decompressed, every head's key and value: compare the latent an engine "
                    + "that absorbs the up-projections keeps (llama.cpp, vLLM).");
        }
        if (caches.stream().anyMatch(c -> c.kind() == CacheKind.SLIDING)) {
            notes.add("Sliding layers keep their last window − 1 tokens between steps; during a step the new tokens are "
                    + "concatenated to them, so the peak holds the step's tokens too.");
        }
        long perToken = caches.stream().filter(c -> c.kind() != CacheKind.SLIDING).mapToLong(CacheAllocation::bytes).sum()
                / Math.max(1, tokens * batch);
        return new EngineAllocation(NAME, VERSION, caches, tokens, batch, tokens * batch, batch, Optional.empty(),
                List.of(String.format(Locale.ROOT, "DynamicCache: %,d layers, %,d tokens × %d sequences, %,d bytes per "
                        + "token in the full layers", a.layers(), tokens, batch, perToken)), notes);
    }

    /** Caches of one kind merged, so Gemma's five local and one global layer kinds read as two lines. */
    private static void add(List<CacheAllocation> caches, CacheAllocation c) {
        for (int i = 0; i < caches.size(); i++) {
            CacheAllocation o = caches.get(i);
            if (o.kind() == c.kind() && o.cells() == c.cells()) {
                caches.set(i, new CacheAllocation(o.kind(), o.layers() + c.layers(), o.cells(), o.streams(), o.firstType(),
                        o.firstBytes() + c.firstBytes(), o.secondType(), o.secondBytes() + c.secondBytes()));
                return;
            }
        }
        caches.add(c);
    }

    private static InvalidInputException recurrent() {
        return new InvalidInputException("engine.name", "The transformers profile does not model Mamba or gated-DeltaNet "
                + "caches yet; use llama.cpp's profile for this model.");
    }
}
