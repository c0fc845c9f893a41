package app.bytewise.engine.format;

import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;

/** A checkpoint without quantization_config: every tensor in its {@code torch_dtype}. */
record PlainCheckpoint(StoredDtype base) implements CheckpointScheme {

    @Override
    public String label() {
        return base.name();
    }

    @Override
    public String description() {
        return "The checkpoint as published: every tensor in " + base + " (the config's torch_dtype), "
                + app.bytewise.engine.Plural.count(base.bytes(), "byte") + " per parameter.";
    }

    @Override
    public double nominalBits() {
        return 8 * base.bytes();
    }

    @Override
    public ModuleMatcher notConverted() {
        return new ModuleMatcher(List.of());
    }

    @Override
    public boolean quantizes(Tensor t) {
        return false;
    }

    @Override
    public List<StoredTensor> quantized(TensorGroup g) {
        throw new IllegalStateException("a plain checkpoint quantizes nothing");
    }

    @Override
    public String quantizedType() {
        return base.name();
    }
}
