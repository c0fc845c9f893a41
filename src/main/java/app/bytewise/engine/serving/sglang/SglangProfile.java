package app.bytewise.engine.serving.sglang;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.gpu.Gpu;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * SGLang's token pool: one slot per token for every layer, sized once at startup
 * ({@code model_runner.py profile_max_num_token}): {@code ⌊(free after loading − free before loading ·
 * (1 − mem_fraction_static)) / cell⌋} tokens, a cell being {@code kv_heads / tp · (head_dim + v_head_dim) ·
 * layers · dtype} (MLA: {@code (kv_lora_rank + qk_rope_head_dim) · layers · dtype}). The default
 * {@code mem_fraction_static} is {@code round((gpu_MiB − reserved) / gpu_MiB, 3)} with
 * {@code reserved = 512 + 1.5 · max(chunked_prefill_size, 2048) + 2 · cuda_graph_max_bs + tp/8 · 1024} MiB,
 * at least 10 GiB on GPUs over 60 GiB ({@code server_args.py _handle_gpu_memory_settings}). With
 * {@code max_total_tokens} the pool is that size. The log prints K and V in GiB it calls GB, each
 * {@code (tokens + page_size) · heads · head_dim · layers · dtype} ({@code MHATokenToKVPool}).
 */
public final class SglangProfile {

    public static final String NAME = "SGLang";
    public static final String VERSION = "v0.5";
    private static final long MIB = 1L << 20;

    private SglangProfile() {
    }

    /** The default mem_fraction_static on a GPU of {@code gpuMiB} with {@code tp} ranks. */
    public static double memFractionStatic(long gpuMiB, int tp) {
        long[] tier = gpuMiB < 20 * 1024 ? new long[] {2048, 8} : gpuMiB < 35 * 1024 ? new long[] {2048, tp >= 4 ? 80 : 24}
                : gpuMiB < 60 * 1024 ? new long[] {4096, tp >= 4 ? 160 : 32} : gpuMiB < 160 * 1024
                ? new long[] {8192, tp >= 4 ? 512 : 256} : new long[] {16384, 512};
        double reserved = 512 + Math.max(tier[0], 2048) * 1.5 + tier[1] * 2 + tp / 8.0 * 1024;
        if (gpuMiB > 60 * 1024) {
            reserved = Math.max(reserved, 10 * 1024);
        }
        return BigDecimal.valueOf((gpuMiB - reserved) / gpuMiB).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * @param maxTotalTokens {@code --max-total-tokens}, the pool's size; without it the pool is estimated
     *     from the GPU, its CUDA context ({@code contextBytes}) and the weights on one rank
     */
    public static EngineAllocation allocate(Model model, OptionalLong maxTotalTokens, Optional<Double> memFraction, int tp,
            Optional<Gpu> gpu, long weightBytesPerGpu, long contextBytes) {
        Architecture a = model.architecture().orElseThrow(() -> new InvalidInputException("engine.name",
                "The SGLang profile needs the model's layers: choose a catalog model or give its config.json."));
        long k = 0;
        long v = 0;
        boolean mla = false;
        for (LayerBlock b : a.kinds()) {
            switch (b.attention()) {
                case Attention.Full f -> {
                    int heads = Math.max(1, f.kvHeads() / tp);
                    k += (long) b.count() * heads * f.headDim() * 2;
                    v += (long) b.count() * heads * f.headDim() * 2;
                }
                case Attention.Latent l -> {
                    k += (long) b.count() * (l.kvLoraRank() + l.qkRopeHeadDim()) * 2;
                    mla = true;
                }
                default -> throw new InvalidInputException("engine.name", "The SGLang profile models full attention and "
                        + "MLA; this model's " + b.attention().getClass().getSimpleName().toLowerCase(Locale.ROOT)
                        + " layers take SGLang's hybrid pools, not modelled yet.");
            }
        }
        long cell = k + v;
        List<String> notes = new ArrayList<>();
        long tokens;
        if (maxTotalTokens.isPresent()) {
            tokens = maxTotalTokens.getAsLong();
        } else {
            Gpu g = gpu.orElseThrow(() -> new InvalidInputException("gpu", "SGLang sizes its pool from the GPU's memory: "
                    + "choose a GPU, or give engine.maxTotalTokens."));
            double mfs = memFraction.orElse(memFractionStatic(g.usableBytes() / MIB, tp));
            long before = g.usableBytes() - contextBytes;
            long rest = (long) ((before - weightBytesPerGpu) - before * (1 - mfs));
            tokens = Math.max(0, rest / cell);
            notes.add(String.format(Locale.ROOT, "Estimated pool: mem_fraction_static %.3f of the %s free before loading, "
                    + "less what the weights (%s) took; SGLang measures free memory, so give maxTotalTokens for an exact "
                    + "figure.", mfs, ByteCount.of(before).display(), ByteCount.of(weightBytesPerGpu).display()));
        }
        long kBytes = Math.multiplyExact(tokens + 1, k);
        long vBytes = Math.multiplyExact(tokens + 1, v);
        String log = mla ? String.format(Locale.ROOT, "KV Cache is allocated. #tokens: %d, KV size: %.2f GB", tokens,
                (double) kBytes / (1L << 30)) : String.format(Locale.ROOT, "KV Cache is allocated. #tokens: %d, K size: %.2f GB, "
                + "V size: %.2f GB", tokens, (double) kBytes / (1L << 30), (double) vBytes / (1L << 30));
        Optional<String> refusal = tokens <= 0 ? Optional.of("Not enough memory. Please try to increase "
                + "--mem-fraction-static.") : Optional.empty();
        return new EngineAllocation(NAME, VERSION, List.of(new CacheAllocation(mla ? CacheKind.MLA : CacheKind.FULL,
                a.layers(), tokens, 1, "bfloat16", kBytes, "bfloat16", vBytes)), tokens, 1, tokens, 1, refusal, List.of(log),
                notes);
    }
}
