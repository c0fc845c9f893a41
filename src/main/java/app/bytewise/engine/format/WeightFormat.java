package app.bytewise.engine.format;

import app.bytewise.engine.model.Model;

/**
 * A way of storing a model's weights. Each format decides tensor by tensor, because real schemes
 * leave some tensors alone (norms, embeddings, the output head) and add scales to others.
 */
public sealed interface WeightFormat permits DenseFormat, ChannelQuantFormat, Nf4Format, GroupQuantFormat, GgufFormat,
        CheckpointFormat {

    /** The id used everywhere: API, questions, UI (e.g. {@code bf16}, {@code gguf:Q4_K_M}). */
    String id();

    String label();

    /** The textbook bits per parameter, ignoring scales and unquantized tensors ("INT4 = 0.5 bytes"). */
    double nominalBits();

    /** One sentence on what is stored, for the worked solution. */
    String description();

    /** Exact storage of every tensor of a model with a tensor list. */
    WeightLayout layout(Model model);

    /** Bytes for a bare parameter count: only the textbook figure is possible without tensors. */
    default long bytesForParameterCount(long parameters) {
        return (long) Math.ceil(parameters * nominalBits() / 8.0);
    }
}
