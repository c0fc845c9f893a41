package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * Which device holds each of a model's layers, as {@code llama_model_base::load_tensors}
 * (src/llama-model.cpp) decides it. Layers are numbered 0 … n−1 and the output layer is layer n: with
 * {@code n_gpu_layers = N} the last N of these n + 1 go to the GPUs, so the output layer goes first,
 * and the input layer (token embeddings) always stays on the CPU. Over several GPUs the offloaded
 * layers are dealt out by cumulative shares: layer {@code il} goes to the first device whose share
 * exceeds {@code (il − i_gpu_start) / act_gpu_layers} ({@code std::upper_bound} over float split
 * points), the shares being {@code --tensor-split} or, when none is given, each device's free memory.
 * Device -1 is the CPU.
 */
final class LlamaCppLayerDevices {

    static final int CPU = -1;

    private final int layers;
    private final int nGpuLayers;
    private final int gpuStart;
    private final int gpuLayers;
    private final float[] splits;

    private LlamaCppLayerDevices(int layers, int nGpuLayers, int gpuStart, int gpuLayers, float[] splits) {
        this.layers = layers;
        this.nGpuLayers = nGpuLayers;
        this.gpuStart = gpuStart;
        this.gpuLayers = gpuLayers;
        this.splits = splits;
    }

    /** @param freeBytes each GPU's free memory, the default shares */
    static LlamaCppLayerDevices of(int layers, LlamaCppOffload o, List<Long> freeBytes) {
        int devices = freeBytes.size();
        int ngl = o.nGpuLayers() == LlamaCppOffload.ALL ? layers + 1 : o.nGpuLayers();
        if (o.tensorSplit().size() > devices) {
            throw new InvalidInputException("engine.tensorSplit", String.format(Locale.ROOT, "tensorSplit has %d shares "
                    + "for %d GPU%s: give one share per GPU.", o.tensorSplit().size(), devices, devices == 1 ? "" : "s"));
        }
        float[] splits = new float[devices];
        boolean allZero = o.tensorSplit().stream().allMatch(x -> x == 0.0);
        for (int i = 0; i < devices; i++) {
            // llama_model_params.tensor_split is a float array; free memory is a size_t put in a float.
            splits[i] = allZero ? (float) freeBytes.get(i) : i < o.tensorSplit().size() ? o.tensorSplit().get(i).floatValue() : 0f;
        }
        float sum = 0f;
        for (int i = 0; i < devices; i++) {
            sum += splits[i];
            splits[i] = sum;
        }
        for (int i = 0; i < devices; i++) {
            splits[i] /= sum;
        }
        int start = Math.max(layers + 1 - ngl, 0);
        int act = devices == 0 ? 0 : Math.min(ngl, layers + 1);
        return new LlamaCppLayerDevices(layers, ngl, start, act, splits);
    }

    /** The device of layer {@code il} (0 … n; n is the output layer). */
    int deviceOf(int il) {
        int layer = Math.min(il, layers);
        if (layer < gpuStart || layer - gpuStart >= gpuLayers) {
            return CPU;
        }
        float x = (float) (layer - gpuStart) / gpuLayers;
        for (int d = 0; d < splits.length; d++) {
            if (splits[d] > x) {
                return d;
            }
        }
        // Float split points that sum to just under 1 leave the last layers past the last device;
        // llama.cpp's devices.at() would throw there. The last device is the one it means.
        return splits.length - 1;
    }

    int outputDevice() {
        return deviceOf(layers);
    }

    /** {@code n_gpu_layers} as llama.cpp resolves it: -1 is all n + 1. */
    int nGpuLayers() {
        return nGpuLayers;
    }

    int layers() {
        return layers;
    }

    /** Layers (of the n + 1) on the GPUs. */
    int offloaded() {
        return gpuLayers;
    }
}
