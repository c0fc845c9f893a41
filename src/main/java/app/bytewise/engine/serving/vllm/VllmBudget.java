package app.bytewise.engine.serving.vllm;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.gpu.Gpu;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The bytes vLLM gives its KV cache on one GPU. Exact when {@code kv_cache_memory_bytes} is set (vLLM
 * then skips profiling); otherwise estimated as vLLM computes it ({@code gpu_worker.py
 * determine_available_memory}): the memory the driver reports × {@code gpu_memory_utilization}, minus
 * the weights on that GPU, minus the peak of its profiling forward pass over
 * {@code max_num_batched_tokens} tokens, minus memory outside PyTorch (CUDA context, NCCL, cuBLAS),
 * which only a run measures.
 *
 * @param defaultBatchedTokens the API server's {@code max_num_batched_tokens}: 8,192 on GPUs of at
 *     least 70 GiB other than the A100, else 2,048 ({@code arg_utils.py get_batch_defaults})
 */
public record VllmBudget(long bytes, boolean exact, int defaultBatchedTokens, List<String> notes) {

    public VllmBudget {
        notes = List.copyOf(notes);
    }

    public static VllmBudget of(VllmSettings s, Optional<Gpu> gpu, long weightBytesPerGpu, long activationPeakBytes,
            long outsideTorchBytes) {
        int batched = defaultBatchedTokens(gpu);
        if (s.kvCacheMemoryBytes().isPresent()) {
            return new VllmBudget(s.kvCacheMemoryBytes().getAsLong(), true, batched, List.of(
                    "kv_cache_memory_bytes is the budget itself: vLLM skips profiling and ignores gpu_memory_utilization."));
        }
        Gpu g = gpu.orElseThrow(() -> new InvalidInputException("gpu", "vLLM sizes its cache from the GPU's memory: "
                + "choose a GPU, or give engine.kvCacheMemoryBytes (the \"Available KV cache memory\" vLLM logs)."));
        long requested = (long) (g.usableBytes() * s.gpuMemoryUtilization());
        long budget = requested - weightBytesPerGpu - activationPeakBytes - outsideTorchBytes;
        return new VllmBudget(budget, false, batched, List.of(String.format(Locale.ROOT, "Estimated budget: %s usable × "
                + "%.2f = %s, minus %s of weights, %s of activation peak and %s outside PyTorch; vLLM measures the last "
                + "two in a profiling run, so give kvCacheMemoryBytes for an exact figure.", ByteCount.of(g.usableBytes())
                .display(), s.gpuMemoryUtilization(), ByteCount.of(requested).display(), ByteCount.of(weightBytesPerGpu)
                .display(), ByteCount.of(activationPeakBytes).display(), ByteCount.of(outsideTorchBytes).display())));
    }

    /** The API server's default without a GPU named: 8,192, as on the data-center GPUs most served on. */
    public static int defaultBatchedTokens(Optional<Gpu> gpu) {
        return gpu.map(g -> g.memoryGiB() >= 70 && !g.name().contains("A100") ? 8_192 : 2_048).orElse(8_192);
    }
}
