package app.bytewise.engine.serving.vllm;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * vLLM's paged KV cache as release {@value #VERSION} (V1 engine) sizes it, from a KV-cache budget:
 * <ul>
 * <li>a page holds {@code block_size} tokens of one layer: {@code block · max(1, kv_heads / tp) ·
 *     (head_size + head_size_v) · dtype} for attention, {@code block · 576 · dtype} for MLA (one
 *     latent, replicated on every rank), {@code block · 656} with {@code fp8_ds_mla}
 *     ({@code vllm/v1/kv_cache_interface.py}, FullAttentionSpec, MLAAttentionSpec @bc8282e6);
 * <li>{@code num_blocks = budget // page // layers per pool}; all layers of one type share one pool,
 *     several types form groups of the smallest type's layer count, padded
 *     ({@code vllm/v1/core/kv_cache_utils.py} get_num_blocks, _get_kv_cache_groups_uniform_page_size);
 * <li>the log's "GPU KV cache size" is {@code num_blocks // groups · block} tokens, and "Maximum
 *     concurrency" {@code num_blocks / pages one request needs}: {@code cdiv(max_model_len, block)}
 *     for full attention, {@code cdiv(min(window − 1 + max_num_batched_tokens, max_model_len), block) + 1}
 *     for a sliding window, {@code cdiv(min(chunk + max_num_batched_tokens, max_model_len), block)}
 *     for chunked attention (SlidingWindowSpec, ChunkedLocalAttentionSpec max_memory_usage_bytes);
 * <li>it refuses to start when one request of {@code max_model_len} needs more than the budget, with
 *     the longest length that would fit (_check_enough_kv_cache_memory).
 * </ul>
 * The budget is {@code kv_cache_memory_bytes} when given, which is what vLLM itself reports as
 * "Available KV cache memory". Otherwise vLLM measures it by profiling (usable memory ×
 * {@code gpu_memory_utilization} − weights − the profile run's peak − memory outside PyTorch), which
 * cannot be known without running it: {@link VllmBudget} estimates it and says so.
 */
public final class VllmProfile {

    public static final String NAME = "vLLM";
    public static final String VERSION = "v0.11.2";
    static final long GIB = 1L << 30;

    private VllmProfile() {
    }

    /**
     * One attention type's layers and the bytes of one page. A request of {@code len} tokens needs
     * {@code cdiv(len, block)} pages of a full or MLA layer; a bounded layer keeps at most
     * {@code span + max_num_batched_tokens} tokens, and a sliding window one page more, since the
     * window need not start at a page boundary.
     *
     * @param span {@code window − 1} (sliding), {@code chunk} (chunked), or −1 when unbounded
     */
    private record Type(CacheKind kind, String key, int layers, long pageBytes, int block, long span, int batched,
            int extraPage) {

        long pages(long len) {
            long kept = span < 0 ? len : Math.min(span + batched, len);
            return Math.ceilDiv(kept, block) + extraPage;
        }
    }

    public static EngineAllocation allocate(Model model, VllmSettings s, VllmBudget budget) {
        Architecture a = model.architecture().orElseThrow(() -> new InvalidInputException("engine.name",
                "The vLLM profile needs the model's layers: choose a catalog model or give its config.json."));
        boolean mla = a.layersOf(Attention.Latent.class) > 0;
        int block = s.blockSize() > 0 ? s.blockSize() : mla ? 64 : 16;
        int batched = s.maxNumBatchedTokens() > 0 ? s.maxNumBatchedTokens() : budget.defaultBatchedTokens();
        List<String> notes = new ArrayList<>();
        if (mla && s.blockSize() == 0) {
            notes.add("MLA runs on the FlashMLA backend, which forces 64-token pages (\"Forcing kv cache block size to 64 "
                    + "for FlashMLA backend\").");
        }
        List<Type> types = types(a, s, block, batched);
        long budgetBytes = budget.bytes();
        notes.addAll(budget.notes());
        int groupSize = types.stream().mapToInt(Type::layers).min().orElseThrow();
        long pageBytes = types.getFirst().pageBytes();
        for (Type t : types) {
            if (t.pageBytes() != pageBytes) {
                throw new InvalidInputException("engine.name", "The vLLM profile does not model layers with different "
                        + "page sizes in one model (vLLM then stretches the smaller pages' blocks).");
            }
        }
        // Each type fills ceil(layers / groupSize) groups, the last padded (one group when the model has one type).
        int[] typeGroups = types.stream().mapToInt(t -> types.size() == 1 ? 1 : Math.ceilDiv(t.layers(), groupSize))
                .toArray();
        int groups = 0;
        long pagesPerRequest = 0;
        for (int i = 0; i < types.size(); i++) {
            groups += typeGroups[i];
            pagesPerRequest = Math.addExact(pagesPerRequest, typeGroups[i] * types.get(i).pages(s.maxModelLen()));
        }
        int layersPerPool = types.size() == 1 ? types.getFirst().layers() : groupSize;
        long perBlock = Math.multiplyExact(pageBytes, layersPerPool);
        // No budget left after the weights: vLLM refuses (below); nothing is allocated.
        long blocks = Math.max(0, budgetBytes) / perBlock;
        long tokens = blocks / groups * block;
        double concurrency = (double) blocks / pagesPerRequest;
        List<CacheAllocation> caches = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Type t = types.get(i);
            long bytes = Math.multiplyExact(Math.multiplyExact(blocks, perBlock), typeGroups[i]) / groups;
            caches.add(new CacheAllocation(t.kind(), t.layers(), tokens, 1, dtypeName(s), bytes, "", 0));
        }
        List<String> log = new ArrayList<>();
        log.add(String.format(Locale.ROOT, "Available KV cache memory: %.2f GiB", (double) budgetBytes / GIB));
        Optional<String> refusal = refusal(types, s, budgetBytes);
        if (refusal.isEmpty()) {
            log.add(String.format(Locale.ROOT, "GPU KV cache size: %,d tokens", tokens));
            log.add(String.format(Locale.ROOT, "Maximum concurrency for %,d tokens per request: %.2fx", s.maxModelLen(),
                    concurrency));
        } else {
            log.add("ValueError: " + refusal.get());
        }
        if (types.size() > 1) {
            notes.add(String.format(Locale.ROOT, "%d layer groups of %d layers share one pool of %,d pages; each request "
                    + "needs %,d pages in all, so concurrency is not the tokens divided by max_model_len.", groups,
                    groupSize, blocks, pagesPerRequest));
        }
        return new EngineAllocation(NAME, VERSION, caches, s.maxModelLen(), (int) Math.min(Integer.MAX_VALUE, (long) concurrency),
                tokens, concurrency, refusal, log, notes);
    }

    private static List<Type> types(Architecture a, VllmSettings s, int block, int batched) {
        int tp = s.tensorParallel();
        Map<String, Type> byKey = new LinkedHashMap<>();
        for (LayerBlock k : a.kinds()) {
            Type t = switch (k.attention()) {
                case Attention.Full f -> new Type(CacheKind.FULL, "full", k.count(),
                        page(block, heads(f.heads(), f.kvHeads(), tp), 2L * f.headDim(), s), block, -1, batched, 0);
                case Attention.Sliding w -> new Type(CacheKind.SLIDING, "sliding " + w.window(), k.count(),
                        page(block, heads(w.heads(), w.kvHeads(), tp), 2L * w.headDim(), s), block, w.window() - 1L,
                        batched, 1);
                case Attention.Chunked c -> new Type(CacheKind.SLIDING, "chunked " + c.chunk(), k.count(),
                        page(block, heads(c.heads(), c.kvHeads(), tp), 2L * c.headDim(), s), block, c.chunk(), batched, 0);
                case Attention.Latent l -> new Type(CacheKind.MLA, "mla", k.count(), s.kvCacheDtype().equals("fp8_ds_mla")
                        ? 656L * block : page(block, 1, (long) l.kvLoraRank() + l.qkRopeHeadDim(), s), block, -1, batched, 0);
                case Attention.GatedDeltaNet d -> throw recurrent();
                case Attention.Mamba m -> throw recurrent();
            };
            byKey.merge(t.key(), t, (x, y) -> new Type(x.kind(), x.key(), x.layers() + y.layers(), x.pageBytes(),
                    x.block(), x.span(), x.batched(), x.extraPage()));
        }
        if (!s.kvCacheDtype().equals("fp8_ds_mla") || byKey.values().stream().allMatch(t -> t.kind() == CacheKind.MLA)) {
            return List.copyOf(byKey.values());
        }
        throw new InvalidInputException("engine.kvCacheDtype", "fp8_ds_mla is a cache layout for MLA models "
                + "(DeepSeek-V3.2's sparse attention); this model has other attention layers.");
    }

    private static InvalidInputException recurrent() {
        return new InvalidInputException("engine.name", "The vLLM profile does not model Mamba or gated-DeltaNet state "
                + "pages yet (vLLM pads them to the attention page size and raises the block size); use llama.cpp's "
                + "profile for this model.");
    }

    /** KV heads on one rank: divided by the tensor-parallel size, replicated when there are fewer ({@code get_num_kv_heads}). */
    private static int heads(int heads, int kvHeads, int tp) {
        if (heads % tp != 0) {
            throw new InvalidInputException("engine.tensorParallel", "Total number of attention heads (" + heads
                    + ") must be divisible by tensor parallel size (" + tp + ").");
        }
        if (kvHeads >= tp ? kvHeads % tp != 0 : tp % kvHeads != 0) {
            throw new InvalidInputException("engine.tensorParallel", "Total number of key-value heads (" + kvHeads
                    + ") and tensor parallel size (" + tp + ") must divide one another.");
        }
        return Math.max(1, kvHeads / tp);
    }

    private static long page(int block, int kvHeads, long width, VllmSettings s) {
        return (long) block * kvHeads * width * (s.kvCacheDtype().startsWith("fp8") ? 1 : 2);
    }

    private static String dtypeName(VllmSettings s) {
        return s.kvCacheDtype().equals("auto") ? "auto (the model's 16-bit dtype)" : s.kvCacheDtype();
    }

    /** One request of max_model_len must fit: the sum over layers of what one request needs. */
    private static Optional<String> refusal(List<Type> types, VllmSettings s, long budget) {
        if (budget <= 0) {
            return Optional.of("No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when "
                    + "initializing the engine.");
        }
        long needed = needed(types, s.maxModelLen());
        if (needed <= budget) {
            return Optional.empty();
        }
        long lo = longestFitting(types, s.maxModelLen(), budget);
        return Optional.of(String.format(Locale.ROOT, "To serve at least one request with the models's max seq len (%d), "
                + "(%s GiB KV cache is needed, which is larger than the available KV cache memory (%s GiB). %sTry "
                + "increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.",
                s.maxModelLen(), gib(needed), gib(budget), lo > 0 ? "Based on the available memory, the estimated maximum "
                        + "model length is " + lo + ". " : ""));
    }

    /**
     * The longest max_model_len whose one request fits {@code budget}, capped at {@code s}'s: what vLLM
     * prints as "the estimated maximum model length" when the configured one does not fit (0 when not
     * even one token fits). The same bisection as {@code _estimate_max_model_len} in
     * vllm/v1/core/kv_cache_utils.py.
     */
    public static long longestFitting(Model model, VllmSettings s, VllmBudget budget) {
        Architecture a = model.architecture().orElseThrow(() -> new InvalidInputException("engine.name",
                "The vLLM profile needs the model's layers: choose a catalog model or give its config.json."));
        boolean mla = a.layersOf(Attention.Latent.class) > 0;
        int block = s.blockSize() > 0 ? s.blockSize() : mla ? 64 : 16;
        int batched = s.maxNumBatchedTokens() > 0 ? s.maxNumBatchedTokens() : budget.defaultBatchedTokens();
        return longestFitting(types(a, s, block, batched), s.maxModelLen(), budget.bytes());
    }

    private static long longestFitting(List<Type> types, long maxModelLen, long budget) {
        long lo = 0;
        long hi = maxModelLen;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (needed(types, mid) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static long needed(List<Type> types, long len) {
        long sum = 0;
        for (Type t : types) {
            sum = Math.addExact(sum, Math.multiplyExact(Math.multiplyExact(t.pages(len), t.pageBytes()), t.layers()));
        }
        return sum;
    }

    /** {@code format_gib}: Python's {@code round(b / GiB, 2)} as {@code str} prints it (24.0, 0.95, 10.12). */
    static String gib(long bytes) {
        BigDecimal value = new BigDecimal((double) bytes / GIB).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return value.scale() <= 0 ? value.setScale(1).toPlainString() : value.toPlainString();
    }
}
