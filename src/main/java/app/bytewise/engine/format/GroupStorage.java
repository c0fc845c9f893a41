package app.bytewise.engine.format;

import app.bytewise.engine.model.TensorGroup;
import java.util.List;

/** How a group of identical tensors is stored under a format: the type chosen and the exact bytes of each copy. */
public record GroupStorage(TensorGroup group, String type, long bytesEach) {

    public long bytes() {
        return Math.multiplyExact(bytesEach, group.copies());
    }

    /** The copies one by one. */
    List<TensorStorage> expand() {
        return TensorGroup.expand(List.of(group)).stream().map(t -> new TensorStorage(t, type, bytesEach)).toList();
    }
}
