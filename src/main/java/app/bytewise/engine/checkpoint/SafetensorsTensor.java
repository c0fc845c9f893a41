package app.bytewise.engine.checkpoint;

import java.util.List;

/**
 * A tensor of a safetensors header. {@code shape} is row-major, outermost first, as the file
 * lists it; {@code begin}/{@code end} are byte offsets into the data that follows the header.
 */
public record SafetensorsTensor(String name, SafetensorsDtype dtype, List<Long> shape, long begin, long end)
        implements CheckpointTensor {

    public SafetensorsTensor {
        shape = List.copyOf(shape);
    }

    @Override
    public String typeName() {
        return dtype.name();
    }

    /** The reader has checked the product fits a long; an empty shape is a scalar. */
    @Override
    public long elements() {
        long elements = 1;
        for (long dim : shape) {
            elements = Math.multiplyExact(elements, dim);
        }
        return elements;
    }

    @Override
    public long bytes() {
        return end - begin;
    }
}
