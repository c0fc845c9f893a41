package app.bytewise.engine.serving.vllm;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * vLLM's engine arguments that size its KV cache, with the defaults of release {@value VllmProfile#VERSION}
 * ({@code vllm/config/cache.py}, {@code vllm/engine/arg_utils.py}).
 *
 * @param gpuMemoryUtilization the share of the GPU vLLM may use (0.9 by default)
 * @param kvCacheMemoryBytes when set, the KV-cache budget itself: profiling is skipped and the
 *     utilization ignored ({@code gpu_worker.py determine_available_memory})
 * @param maxModelLen the longest request, prompt and output together
 * @param blockSize tokens per page; 0 for the platform's choice (16 on CUDA, 64 for the FlashMLA backend)
 * @param maxNumBatchedTokens tokens per scheduler step; 0 for the API server's default (8,192 on GPUs
 *     of at least 70 GiB other than the A100, else 2,048)
 * @param kvCacheDtype auto (the model's dtype), fp8 (fp8_e4m3, fp8_e5m2) or fp8_ds_mla
 */
public record VllmSettings(double gpuMemoryUtilization, OptionalLong kvCacheMemoryBytes, long maxModelLen, int blockSize,
        int maxNumBatchedTokens, String kvCacheDtype, int tensorParallel) {

    public static final double DEFAULT_UTILIZATION = 0.9;

    public VllmSettings {
        if (!(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1)) {
            throw new InvalidInputException("engine.gpuMemoryUtilization", "gpu_memory_utilization must be above 0 "
                    + "and at most 1.");
        }
        if (kvCacheMemoryBytes.isPresent() && (kvCacheMemoryBytes.getAsLong() < 1 || kvCacheMemoryBytes.getAsLong() > 1L << 50)) {
            throw new InvalidInputException("engine.kvCacheMemoryBytes", "kv_cache_memory_bytes must be 1 byte to 1 PiB.");
        }
        if (maxModelLen < 1 || maxModelLen > 100_000_000) {
            throw new InvalidInputException("engine.maxModelLen", "max_model_len must be 1 to 100,000,000 tokens.");
        }
        if (blockSize != 0 && blockSize != 1 && blockSize != 8 && blockSize != 16 && blockSize != 32 && blockSize != 64
                && blockSize != 128 && blockSize != 256) {
            throw new InvalidInputException("engine.blockSize", "block_size must be one of 1, 8, 16, 32, 64, 128, 256.");
        }
        if (maxNumBatchedTokens < 0 || maxNumBatchedTokens > 10_000_000) {
            throw new InvalidInputException("engine.maxNumBatchedTokens", "max_num_batched_tokens must be 1 to 10,000,000.");
        }
        kvCacheDtype = kvCacheDtype == null ? "auto" : kvCacheDtype.strip().toLowerCase(Locale.ROOT);
        if (!kvCacheDtype.equals("auto") && !kvCacheDtype.equals("fp8") && !kvCacheDtype.equals("fp8_e4m3")
                && !kvCacheDtype.equals("fp8_e5m2") && !kvCacheDtype.equals("fp8_ds_mla") && !kvCacheDtype.equals("bfloat16")
                && !kvCacheDtype.equals("float16")) {
            throw new InvalidInputException("engine.kvCacheDtype", "kv_cache_dtype must be auto, bfloat16, float16, fp8, "
                    + "fp8_e4m3, fp8_e5m2 or fp8_ds_mla.");
        }
        if (tensorParallel < 1 || tensorParallel > 1024) {
            throw new InvalidInputException("engine.tensorParallel", "tensor_parallel_size must be 1 to 1024.");
        }
    }

    public static VllmSettings defaults(long maxModelLen) {
        return new VllmSettings(DEFAULT_UTILIZATION, OptionalLong.empty(), maxModelLen, 0, 0, "auto", 1);
    }

    public VllmSettings withKvCacheMemory(long bytes) {
        return new VllmSettings(gpuMemoryUtilization, OptionalLong.of(bytes), maxModelLen, blockSize, maxNumBatchedTokens,
                kvCacheDtype, tensorParallel);
    }

    public VllmSettings withBatchedTokens(int tokens) {
        return new VllmSettings(gpuMemoryUtilization, kvCacheMemoryBytes, maxModelLen, blockSize, tokens, kvCacheDtype,
                tensorParallel);
    }

    public VllmSettings withKvCacheDtype(String dtype) {
        return new VllmSettings(gpuMemoryUtilization, kvCacheMemoryBytes, maxModelLen, blockSize, maxNumBatchedTokens,
                dtype, tensorParallel);
    }

    public VllmSettings withTensorParallel(int tp) {
        return new VllmSettings(gpuMemoryUtilization, kvCacheMemoryBytes, maxModelLen, blockSize, maxNumBatchedTokens,
                kvCacheDtype, tp);
    }

    public VllmSettings withUtilization(double utilization) {
        return new VllmSettings(utilization, kvCacheMemoryBytes, maxModelLen, blockSize, maxNumBatchedTokens, kvCacheDtype,
                tensorParallel);
    }
}
