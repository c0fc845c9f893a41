package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.InvalidInputException;
import java.util.List;

/**
 * Where llama.cpp puts the model, named after its C API and llama-server's flags
 * ({@code struct llama_model_params} in include/llama.h, common/arg.cpp):
 *
 * @param nGpuLayers {@code -ngl}: layers kept on the GPUs, counting the output layer as one of
 *     {@code n_layer + 1} (it is offloaded first); -1 for all of them, what
 *     {@code llama_model_default_params()} and {@code -ngl all} give
 * @param nCpuMoe {@code --n-cpu-moe N}: the routed experts of layers 0 … N−1 stay in host memory
 *     ({@code llm_add_n_cpu_ffn_overrides}, common/common.h)
 * @param cpuMoe {@code --cpu-moe} ({@code -ot exps=CPU}): every layer's routed experts stay in host memory
 * @param tensorSplit {@code --tensor-split}: each GPU's share of the layers; empty splits by each
 *     device's free memory, as {@code llama_model_base::load_tensors} does
 * @param offloadKqv {@code offload_kqv}: each layer's KV cache lives on that layer's device (default true)
 */
public record LlamaCppOffload(int nGpuLayers, int nCpuMoe, boolean cpuMoe, List<Double> tensorSplit,
        boolean offloadKqv) {

    public static final int ALL = -1;
    /** {@code --fit-target}'s default (common/common.h {@code fit_params_target}): free memory llama-fit-params keeps per device. */
    public static final long FIT_TARGET_BYTES = 1024L * 1024 * 1024;

    public LlamaCppOffload {
        tensorSplit = List.copyOf(tensorSplit);
        if (nGpuLayers < ALL || nGpuLayers > 100_000) {
            throw new InvalidInputException("engine.nGpuLayers", "nGpuLayers must be -1 (all layers) or 0 to 100,000.");
        }
        if (nCpuMoe < 0 || nCpuMoe > 100_000) {
            throw new InvalidInputException("engine.nCpuMoe", "nCpuMoe must be 0 to 100,000 layers (llama.cpp refuses "
                    + "a negative value: \"invalid value\").");
        }
        if (tensorSplit.size() > 16) {
            throw new InvalidInputException("engine.tensorSplit", "tensorSplit takes at most 16 shares, one per GPU.");
        }
        for (Double share : tensorSplit) {
            if (share == null || !Double.isFinite(share) || share < 0 || share > 1e6) {
                throw new InvalidInputException("engine.tensorSplit", "Each tensorSplit share must be a number from 0 to "
                        + "1,000,000, e.g. [3, 1].");
            }
        }
    }

    public static LlamaCppOffload defaults() {
        return new LlamaCppOffload(ALL, 0, false, List.of(), true);
    }

    public LlamaCppOffload withGpuLayers(int n) {
        return new LlamaCppOffload(n, nCpuMoe, cpuMoe, tensorSplit, offloadKqv);
    }

    public LlamaCppOffload withCpuMoe(int n) {
        return new LlamaCppOffload(nGpuLayers, n, cpuMoe, tensorSplit, offloadKqv);
    }

    public LlamaCppOffload withAllExpertsOnCpu(boolean all) {
        return new LlamaCppOffload(nGpuLayers, nCpuMoe, all, tensorSplit, offloadKqv);
    }

    public LlamaCppOffload withTensorSplit(List<Double> split) {
        return new LlamaCppOffload(nGpuLayers, nCpuMoe, cpuMoe, split, offloadKqv);
    }

    public LlamaCppOffload withOffloadKqv(boolean offload) {
        return new LlamaCppOffload(nGpuLayers, nCpuMoe, cpuMoe, tensorSplit, offload);
    }
}
