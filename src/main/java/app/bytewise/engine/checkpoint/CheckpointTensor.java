package app.bytewise.engine.checkpoint;

import java.util.List;

/** One tensor as a checkpoint header describes it: what an estimate needs, whatever the format. */
public sealed interface CheckpointTensor permits SafetensorsTensor, GgufTensor {

    String name();

    /** The format's own type name: {@code BF16} for safetensors, {@code Q4_K} for GGUF. */
    String typeName();

    /** The dimensions in the order the file stores them (see each format's record). */
    List<Long> shape();

    long elements();

    /** Bytes of the tensor's data, without any alignment padding. */
    long bytes();
}
