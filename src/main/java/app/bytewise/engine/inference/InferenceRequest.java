package app.bytewise.engine.inference;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Model;
import java.util.Optional;

/**
 * Everything an inference estimate depends on.
 *
 * @param pageSize tokens per KV-cache page with paged allocation (vLLM's default block is 16), or
 *     0 for contiguous allocation of exactly {@code contextLength} tokens
 * @param overheadBytes CUDA context and framework memory per GPU
 * @param gpuCount GPUs sharing the model by tensor parallelism (weights and KV heads split evenly)
 */
public record InferenceRequest(Model model, WeightFormat weights, KvFormat kvCache, long contextLength, int batchSize,
        boolean flashAttention, int pageSize, long overheadBytes, Optional<Gpu> gpu, int gpuCount) {

    /**
     * 1 GiB per GPU: the CUDA context alone takes roughly 0.3–0.8 GiB depending on the driver,
     * CUDA version and GPU (PyTorch forums, "High gpu memory overhead": "~700+MB"; a first tensor
     * moves usage from 0 to 723 MiB), plus cuBLAS workspaces and allocator slack.
     */
    public static final long DEFAULT_OVERHEAD_BYTES = 1L << 30;
    /** 1 TiB per GPU: over three times the memory of the largest GPU (AMD Instinct MI355X, 288 GB). */
    public static final long MAX_OVERHEAD_BYTES = 1L << 40;
    public static final int DEFAULT_PAGE_SIZE = 16;
    static final long MAX_CONTEXT = 10_000_000;
    static final int MAX_BATCH = 100_000;

    public InferenceRequest {
        if (contextLength < 1 || contextLength > MAX_CONTEXT) {
            throw new InvalidInputException("contextLength", "The context length must be 1 to " + MAX_CONTEXT + " tokens.");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new InvalidInputException("batchSize", "The batch size must be 1 to " + MAX_BATCH + ".");
        }
        if (pageSize < 0 || pageSize > 4096) {
            throw new InvalidInputException("pageSize", "The page size must be 0 (no paging) to 4096 tokens.");
        }
        checkOverhead(overheadBytes);
        if (gpuCount < 1 || gpuCount > 1024) {
            throw new InvalidInputException("gpuCount", "The GPU count must be 1 to 1024.");
        }
    }

    /** Shared with training: a runtime overhead from 0 to {@link #MAX_OVERHEAD_BYTES} per GPU. */
    public static void checkOverhead(long overheadBytes) {
        if (overheadBytes < 0 || overheadBytes > MAX_OVERHEAD_BYTES) {
            throw new InvalidInputException("overheadBytes",
                    "The overhead per GPU must be 0 to 1 TiB (1,099,511,627,776 bytes).");
        }
    }

    public static InferenceRequest of(Model model, WeightFormat weights) {
        return new InferenceRequest(model, weights, KvFormat.FP16, 4096, 1, true, 0, DEFAULT_OVERHEAD_BYTES,
                Optional.empty(), 1);
    }

    public InferenceRequest withKvCache(KvFormat format) {
        return new InferenceRequest(model, weights, format, contextLength, batchSize, flashAttention, pageSize,
                overheadBytes, gpu, gpuCount);
    }

    public InferenceRequest withContext(long tokens, int batch) {
        return new InferenceRequest(model, weights, kvCache, tokens, batch, flashAttention, pageSize, overheadBytes,
                gpu, gpuCount);
    }

    public InferenceRequest withFlashAttention(boolean on) {
        return new InferenceRequest(model, weights, kvCache, contextLength, batchSize, on, pageSize, overheadBytes,
                gpu, gpuCount);
    }

    public InferenceRequest withPaging(int tokensPerPage) {
        return new InferenceRequest(model, weights, kvCache, contextLength, batchSize, flashAttention, tokensPerPage,
                overheadBytes, gpu, gpuCount);
    }

    public InferenceRequest withOverhead(long bytes) {
        return new InferenceRequest(model, weights, kvCache, contextLength, batchSize, flashAttention, pageSize, bytes,
                gpu, gpuCount);
    }

    public InferenceRequest onGpus(Gpu chosen, int count) {
        return new InferenceRequest(model, weights, kvCache, contextLength, batchSize, flashAttention, pageSize,
                overheadBytes, Optional.ofNullable(chosen), count);
    }
}
