package app.bytewise.oracle.llamacpp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the real llama.cpp allocates for one model and one context.
 *
 * @param modelBytes {@code llama_model_size}: the bytes of all weight tensors
 * @param nParams {@code llama_model_n_params}: their elements
 * @param buffers {@code llama_get_memory_breakdown} by buffer type name (e.g. {@code CPU}), exact bytes
 * @param kvLines the {@code llama_kv_cache:} log lines (MiB with two decimals, cells, layers, streams)
 * @param recurrentLines the {@code llama_memory_recurrent:} log lines
 * @param log every line llama.cpp logged
 * @param failure when llama.cpp refused the file or the settings, or aborted: what it logged and
 *     how the child process ended; then {@code buffers} is empty (and the model figures 0
 *     unless the model loaded and the context was refused)
 */
public record Allocation(long modelBytes, long nParams, Map<String, Buffer> buffers, List<String> kvLines,
        List<String> recurrentLines, List<String> log, Optional<String> failure) {

    /** One buffer type's {@code llama_memory_breakdown_data} (src/llama-ext.h). */
    public record Buffer(long model, long context, long compute) {
    }

    public Allocation {
        buffers = Map.copyOf(buffers);
        kvLines = List.copyOf(kvLines);
        recurrentLines = List.copyOf(recurrentLines);
        log = List.copyOf(log);
    }

    /** The context's memory over all buffer types: KV cache and recurrent state. */
    public long contextBytes() {
        return buffers.values().stream().mapToLong(Buffer::context).sum();
    }

    public long modelBufferBytes() {
        return buffers.values().stream().mapToLong(Buffer::model).sum();
    }

    public long computeBytes() {
        return buffers.values().stream().mapToLong(Buffer::compute).sum();
    }
}
