package app.bytewise.engine.serving.llamacpp;

/**
 * What llama.cpp puts on one device: its weights ("model"), KV caches and recurrent state
 * ("context" in {@code llama_memory_breakdown_print}). Compute buffers are not counted here: their
 * size comes from the graph the backend schedules, which llama-fit-params measures by building it.
 *
 * @param name the backend's device name, {@code CUDA0}, {@code ROCm1}, or {@code CPU} for host memory
 * @param label the GPU's name; empty for the host
 * @param totalBytes memory the driver reports; 0 for the host (not modeled)
 * @param layers repeating layers (and the output layer, counted as one) whose tensors it holds
 */
public record DeviceMemory(String name, String label, long totalBytes, int layers, long modelBytes, long kvBytes,
        long recurrentBytes) {

    public boolean isHost() {
        return label.isEmpty();
    }

    public long usedBytes() {
        return Math.addExact(Math.addExact(modelBytes, kvBytes), recurrentBytes);
    }

    /** What the driver's total leaves after weights and caches, for the CUDA context and compute buffers. */
    public long leftBytes() {
        return totalBytes - usedBytes();
    }

    /** Whether llama-fit-params' default target of 1,024 MiB stays free ({@code --fit-target}). */
    public boolean meetsFitTarget() {
        return isHost() || leftBytes() >= LlamaCppOffload.FIT_TARGET_BYTES;
    }
}
