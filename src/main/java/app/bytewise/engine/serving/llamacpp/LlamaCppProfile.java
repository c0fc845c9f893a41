package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings.FlashAttention;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The caches llama.cpp allocates for a model, as release {@value #VERSION} does it (checked against
 * that release's own library by the tests):
 * <ul>
 * <li>{@code n_ctx} (0: the training context) is padded up to a multiple of 256; without
 *     {@code kv_unified} each of the {@code n_seq_max} sequences gets its own stream of
 *     {@code pad256(n_ctx / n_seq_max)} cells, unified one stream of {@code n_ctx} cells
 *     ({@code llama_context} constructor and {@code llama_model::create_memory});
 * <li>each attention layer stores a K and a V row per cell, {@code ggml_row_size(type, n_head_kv ·
 *     head_dim)} bytes ({@code llama_kv_cache} constructor, src/llama-kv-cache.cpp);
 * <li>sliding-window layers of the architectures with iSWA get a second cache of
 *     {@code pad256(min(cells, n_swa · (unified ? n_seq_max : 1) + n_ubatch))} cells, or the full
 *     cells with {@code swa_full} (src/llama-kv-cache-iswa.cpp);
 * <li>MLA layers (deepseek2) cache the {@code kv_lora_rank + rope} latent as K only;
 * <li>recurrent layers (Mamba, gated DeltaNet) keep F32 states of {@code n_embd_r} (the convolution's
 *     last {@code d_conv − 1} inputs) and {@code n_embd_s} (the SSM state) per sequence, in
 *     {@code max(1, n_seq_max)} cells, whatever the cache types (src/llama-memory-recurrent.cpp,
 *     {@code llama_hparams::n_embd_r/n_embd_s} in src/llama-hparams.cpp).
 * </ul>
 * Refused as llama.cpp refuses them ({@code llama_init_from_model}, src/llama-context.cpp): a quantized
 * cache type whose block does not divide the head dimension, a quantized V cache without flash
 * attention, and for MLA different K and V types.
 */
public final class LlamaCppProfile {

    public static final String NAME = "llama.cpp";
    public static final String VERSION = "v0.5.0";
    static final long PAD = 256;
    private static final int STATE_BYTES = 4;

    private LlamaCppProfile() {
    }

    /** One layer kind's cache rows: K and V elements per cell, or the recurrent r and s state sizes. */
    private record Rows(CacheKind kind, int layers, long first, long second, int window) {
    }

    public static EngineAllocation allocate(Model model, LlamaCppSettings s) {
        try {
            return allocateExactly(model, s);
        } catch (ArithmeticException overflow) {
            throw new InvalidInputException("engine.nCtx", "These caches would need more bytes than a 64-bit count "
                    + "holds: reduce nCtx or nSeqMax.");
        }
    }

    private static EngineAllocation allocateExactly(Model model, LlamaCppSettings s) {
        Architecture a = model.architecture().orElseThrow(() -> new InvalidInputException("engine.name",
                "The llama.cpp profile needs the model's layers: choose a catalog model or give its config.json or "
                        + "GGUF header."));
        LlamaCppArch arch = LlamaCppArch.of(a.family()).orElseThrow(() -> new InvalidInputException("engine.name",
                "llama.cpp " + VERSION + " has no architecture for model_type '" + a.family() + "', so it cannot load "
                        + "this model."));
        List<String> notes = new ArrayList<>();
        List<Rows> rows = rows(a, arch, s, notes);
        long asked = s.nCtx() == 0 ? a.maxPositions() : s.nCtx();
        if (asked <= 0) {
            throw new InvalidInputException("engine.nCtx", "nCtx 0 means the model's training context, which this "
                    + "config does not state: give nCtx.");
        }
        long nCtx = pad(Math.min(asked, LlamaCppSettings.MAX_CTX));
        if (nCtx != asked) {
            notes.add(String.format(Locale.ROOT, "n_ctx %,d is padded up to %,d, a multiple of 256.", asked, nCtx));
        }
        int streams = s.kvUnified() ? 1 : s.nSeqMax();
        long cells = s.kvUnified() ? nCtx : pad(nCtx / s.nSeqMax());
        if (!s.kvUnified() && s.nSeqMax() > 1) {
            notes.add(String.format(Locale.ROOT, "Not unified: %d streams of %,d cells, one per sequence.", streams, cells));
        }
        List<CacheAllocation> caches = new ArrayList<>();
        List<String> log = new ArrayList<>();
        long swaCells = slidingCells(rows, s, cells);
        boolean iswa = rows.stream().anyMatch(r -> r.kind == CacheKind.SLIDING);
        if (iswa) {
            log.add(String.format(Locale.ROOT, "llama_kv_cache_iswa: creating non-SWA KV cache, size = %d cells", cells));
        }
        attention(rows, false, cells, streams, s).ifPresent(c -> add(caches, log, c, s));
        if (iswa) {
            log.add(String.format(Locale.ROOT, "llama_kv_cache_iswa: creating     SWA KV cache, size = %d cells", swaCells));
            attention(rows, true, swaCells, streams, s).ifPresent(c -> add(caches, log, c, s));
        }
        recurrent(rows, s).ifPresent(c -> {
            caches.add(c);
            // src/llama-memory-recurrent.cpp, constructor: the layer count is the model's (hparams.n_layer()),
            // not only the recurrent layers; rs_seq is n_rs_seq (0 unless asked for, llama_context_default_params),
            // and P (the PLE rows some models have) is empty here.
            log.add(String.format(Locale.ROOT, "llama_memory_recurrent: size = %s MiB (%6d cells, %3d layers, %2d seqs %2d rs_seq), "
                    + "R (f32): %s MiB, S (f32): %s MiB, P (f32): %s MiB", mib(c.bytes()), c.cells(), a.layers(), s.nSeqMax(), 0,
                    mib(c.firstBytes()), mib(c.secondBytes()), mib(0)));
        });
        long held = caches.stream().filter(c -> c.kind() == CacheKind.FULL || c.kind() == CacheKind.MLA)
                .mapToLong(c -> c.cells() * c.streams()).max().orElse(0);
        return new EngineAllocation(NAME, VERSION, caches, cells, s.nSeqMax(), held, s.nSeqMax(), Optional.empty(), log,
                notes);
    }

    private static List<Rows> rows(Architecture a, LlamaCppArch arch, LlamaCppSettings s, List<String> notes) {
        List<Rows> rows = new ArrayList<>();
        for (LayerBlock k : a.kinds()) {
            rows.add(rowsOf(k, arch, s));
        }
        boolean dropsWindow = !arch.slidingCache() && a.kinds().stream().anyMatch(k -> k.attention() instanceof Attention.Sliding);
        if (dropsWindow) {
            notes.add("llama.cpp's " + arch.name() + " architecture has no sliding-window cache: every layer caches "
                    + "every token, window or not.");
        }
        if (s.cacheTypeV().isQuantized() && s.flashAttention() == FlashAttention.OFF
                && rows.stream().anyMatch(r -> r.kind != CacheKind.RECURRENT && r.second > 0)) {
            throw new InvalidInputException("engine.cacheTypeV", "llama.cpp refuses a quantized V cache without "
                    + "flash attention (\"quantized V cache requires flash_attn to be enabled\"): turn flashAttention on "
                    + "or auto, or use f16.");
        }
        return rows;
    }

    private static Rows rowsOf(LayerBlock k, LlamaCppArch arch, LlamaCppSettings s) {
        return switch (k.attention()) {
            case Attention.Full f -> kv(CacheKind.FULL, k.count(), f.kvHeads(), f.headDim(), 0, s);
            case Attention.Sliding w -> kv(arch.slidingCache() ? CacheKind.SLIDING : CacheKind.FULL, k.count(), w.kvHeads(),
                    w.headDim(), w.window(), s);
            case Attention.Chunked c -> kv(CacheKind.SLIDING, k.count(), c.kvHeads(), c.headDim(), c.chunk(), s);
            case Attention.Latent l -> {
                long width = (long) l.kvLoraRank() + l.qkRopeHeadDim();
                divides(s.cacheTypeK(), width, "engine.cacheTypeK", "K");
                if (s.cacheTypeK() != s.cacheTypeV()) {
                    throw new InvalidInputException("engine.cacheTypeV", "llama.cpp caches the MLA latent as K "
                            + "only and reads V as a view of it, so cacheTypeK and cacheTypeV must be the same (here "
                            + s.cacheTypeK().id() + " and " + s.cacheTypeV().id() + ").");
                }
                yield new Rows(CacheKind.MLA, k.count(), width, 0, 0);
            }
            case Attention.GatedDeltaNet d -> new Rows(CacheKind.RECURRENT, k.count(),
                    (d.convKernel() - 1L) * d.convChannels(), (long) d.valueHeads() * d.keyHeadDim() * d.valueHeadDim(), 0);
            case Attention.Mamba m -> new Rows(CacheKind.RECURRENT, k.count(), (m.convKernel() - 1L) * m.convChannels(),
                    m.innerSize() * m.stateSize(), 0);
        };
    }

    /**
     * One run of identical layers (in the model's order) and each one's cache tensors: K and V (or
     * the recurrent R and S) bytes, with the cells and streams of {@code e}, which
     * {@link #allocate} made with the same settings.
     */
    record LayerCache(int count, CacheKind kind, long firstBytes, long secondBytes) {
    }

    static List<LayerCache> layerCaches(Model model, LlamaCppSettings s, EngineAllocation e) {
        Architecture a = model.architecture().orElseThrow();
        LlamaCppArch arch = LlamaCppArch.of(a.family()).orElseThrow();
        List<LayerCache> out = new ArrayList<>();
        for (LayerBlock block : a.blocks()) {
            Rows r = rowsOf(block, arch, s);
            if (r.kind == CacheKind.RECURRENT) {
                long cells = Math.max(1, s.nSeqMax());
                out.add(new LayerCache(block.count(), r.kind, cells * r.first * STATE_BYTES, cells * r.second * STATE_BYTES));
                continue;
            }
            CacheAllocation cache = e.caches().stream().filter(c -> r.kind == CacheKind.SLIDING
                    ? c.kind() == CacheKind.SLIDING : c.kind() == CacheKind.FULL || c.kind() == CacheKind.MLA).findFirst()
                    .orElseThrow();
            long slots = Math.multiplyExact(cache.cells(), cache.streams());
            out.add(new LayerCache(block.count(), r.kind, Math.multiplyExact(slots, s.cacheTypeK().rowBytes(r.first)),
                    r.second == 0 ? 0 : Math.multiplyExact(slots, s.cacheTypeV().rowBytes(r.second))));
        }
        return out;
    }

    private static Rows kv(CacheKind kind, int layers, int kvHeads, int headDim, int window, LlamaCppSettings s) {
        divides(s.cacheTypeK(), headDim, "engine.cacheTypeK", "K");
        divides(s.cacheTypeV(), headDim, "engine.cacheTypeV", "V");
        long width = (long) kvHeads * headDim;
        return new Rows(kind, layers, width, width, window);
    }

    private static void divides(LlamaCppCacheType type, long headDim, String field, String which) {
        if (headDim % type.blockSize() != 0) {
            throw new InvalidInputException(field, String.format(Locale.ROOT, "llama.cpp refuses %s cache type %s: its "
                    + "block of %d values does not divide the head dimension %d.", which, type.id(), type.blockSize(), headDim));
        }
    }

    private static long slidingCells(List<Rows> rows, LlamaCppSettings s, long cells) {
        int window = rows.stream().filter(r -> r.kind == CacheKind.SLIDING).mapToInt(Rows::window).max().orElse(0);
        if (s.swaFull()) {
            return cells;
        }
        long wanted = (long) window * (s.kvUnified() ? s.nSeqMax() : 1) + s.nUbatch();
        return Math.min(cells, pad(wanted));
    }

    private static Optional<CacheAllocation> attention(List<Rows> rows, boolean sliding, long cells, int streams,
            LlamaCppSettings s) {
        int layers = 0;
        long k = 0;
        long v = 0;
        CacheKind kind = sliding ? CacheKind.SLIDING : CacheKind.FULL;
        for (Rows r : rows) {
            boolean mine = sliding ? r.kind == CacheKind.SLIDING : r.kind == CacheKind.FULL || r.kind == CacheKind.MLA;
            if (mine) {
                layers += r.layers;
                long slots = Math.multiplyExact(Math.multiplyExact(cells, streams), r.layers);
                k = Math.addExact(k, Math.multiplyExact(slots, s.cacheTypeK().rowBytes(r.first)));
                v = Math.addExact(v, Math.multiplyExact(slots, s.cacheTypeV().rowBytes(r.second)));
                if (r.kind == CacheKind.MLA) {
                    kind = CacheKind.MLA;
                }
            }
        }
        return layers == 0 ? Optional.empty() : Optional.of(new CacheAllocation(kind, layers, cells, streams,
                s.cacheTypeK().id(), k, s.cacheTypeV().id(), v));
    }

    private static Optional<CacheAllocation> recurrent(List<Rows> rows, LlamaCppSettings s) {
        int layers = 0;
        long r = 0;
        long st = 0;
        long cells = Math.max(1, s.nSeqMax());
        for (Rows row : rows) {
            if (row.kind == CacheKind.RECURRENT) {
                layers += row.layers;
                r = Math.addExact(r, Math.multiplyExact(cells * row.layers, row.first * STATE_BYTES));
                st = Math.addExact(st, Math.multiplyExact(cells * row.layers, row.second * STATE_BYTES));
            }
        }
        return layers == 0 ? Optional.empty() : Optional.of(new CacheAllocation(CacheKind.RECURRENT, layers, cells, 1,
                "f32", r, "f32", st));
    }

    private static void add(List<CacheAllocation> caches, List<String> log, CacheAllocation c, LlamaCppSettings s) {
        caches.add(c);
        log.add(String.format(Locale.ROOT, "llama_kv_cache: size = %s MiB (%6d cells, %3d layers, %2d/%d seqs), "
                + "K (%s): %s MiB, V (%s): %s MiB", mib(c.bytes()), c.cells(), c.layers(), s.nSeqMax(), c.streams(),
                c.firstType(), mib(c.firstBytes()), c.secondType(), mib(c.secondBytes())));
    }

    /**
     * As llama.cpp prints it, {@code %7.2f} of {@code (float) bytes / (1024.0f * 1024.0f)}: a float, so
     * large caches round as a float does, and glibc rounds the exact binary value half to even
     * (401.625 prints 401.62), which {@link String#format} would round up.
     */
    private static String mib(long bytes) {
        double value = (float) bytes / (1024.0f * 1024.0f);
        String text = new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return " ".repeat(Math.max(0, 7 - text.length())) + text;
    }

    /** {@code GGML_PAD(n, 256)}, as llama.cpp pads n_ctx and each stream's cells. */
    public static long pad(long n) {
        return Math.ceilDiv(n, PAD) * PAD;
    }
}
