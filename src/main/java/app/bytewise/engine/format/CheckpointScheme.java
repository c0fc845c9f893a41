package app.bytewise.engine.format;

import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;

/**
 * One way a published checkpoint stores its tensors, resolved from the model's config by
 * {@link CheckpointFormat}. Each decides which tensors it quantizes and what it stores for them.
 */
sealed interface CheckpointScheme permits PlainCheckpoint, Fp8BlockCheckpoint, Mxfp4Checkpoint, PackedIntCheckpoint,
        BitsAndBytesCheckpoint, CompressedTensorsCheckpoint {

    String label();

    String description();

    /** The textbook bits of a quantized weight, scales left out. */
    double nominalBits();

    /** The tensors of {@code modules_to_not_convert}, which stay unquantized. */
    ModuleMatcher notConverted();

    /** The dtype of tensors the scheme leaves unquantized. */
    StoredDtype base();

    /** Whether the scheme quantizes {@code t} (already known not to be in {@code modules_to_not_convert}). */
    boolean quantizes(Tensor t);

    /** What the file stores for one copy of {@code g}, a tensor this scheme quantizes. */
    List<StoredTensor> quantized(TensorGroup g);

    /** The storage type shown for a quantized group, e.g. "F8_E4M3 + F32 block scales". */
    String quantizedType();

    /**
     * What the file stores for one copy of {@code g}, left unquantized; {@code biasOfQuantized} for
     * the bias of a linear layer the scheme quantized, which some quantizers store in their own dtype.
     */
    default List<StoredTensor> unquantized(TensorGroup g, boolean biasOfQuantized) {
        return List.of(new StoredTensor(g.pattern(), base(), g.first().shape()));
    }

    /** The module a tensor belongs to: its pattern without {@code .weight}, where quantizers hang their buffers. */
    static String module(String pattern) {
        return pattern.endsWith(".weight") ? pattern.substring(0, pattern.length() - 7) : pattern;
    }

    static StoredDtype dtype(String name) {
        return StoredDtype.valueOf(name);
    }
}
