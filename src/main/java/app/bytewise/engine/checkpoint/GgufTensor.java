package app.bytewise.engine.checkpoint;

import java.util.List;

/**
 * A tensor info of a GGUF header. {@code shape} is in ggml order, {@code ne[0]} first: the
 * innermost, contiguous dimension (a row), the reverse of PyTorch's order.
 *
 * @param offset where the data starts, relative to the header's data section
 */
public record GgufTensor(String name, GgufTensorType type, List<Long> shape, long offset, long elements, long bytes)
        implements CheckpointTensor {

    public GgufTensor {
        shape = List.copyOf(shape);
    }

    @Override
    public String typeName() {
        return type.name();
    }
}
