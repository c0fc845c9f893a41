package app.bytewise.engine.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every checkpoint header offers an estimate: the tensors and their totals. */
public sealed interface CheckpointHeader permits SafetensorsHeader, GgufHeader {

    List<? extends CheckpointTensor> tensors();

    /** Bytes per type name, in the order each type first appears. */
    default Map<String, Long> bytesByType() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (CheckpointTensor tensor : tensors()) {
            totals.merge(tensor.typeName(), tensor.bytes(), Math::addExact);
        }
        return totals;
    }

    /** Sum of the tensors' bytes; each reader has checked the sum fits a long. */
    default long totalBytes() {
        long total = 0;
        for (CheckpointTensor tensor : tensors()) {
            total = Math.addExact(total, tensor.bytes());
        }
        return total;
    }

    default long totalElements() {
        long total = 0;
        for (CheckpointTensor tensor : tensors()) {
            total = Math.addExact(total, tensor.elements());
        }
        return total;
    }
}
