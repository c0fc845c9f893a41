package app.bytewise.engine.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model's weights under one format, tensor by tensor. */
public record WeightLayout(String formatId, List<TensorStorage> tensors) {

    public WeightLayout {
        tensors = List.copyOf(tensors);
    }

    public long totalBytes() {
        return tensors.stream().mapToLong(TensorStorage::bytes).sum();
    }

    public long parameters() {
        return tensors.stream().mapToLong(t -> t.tensor().elements()).sum();
    }

    /** Average storage bits per parameter, scales and unquantized tensors included. */
    public double bitsPerWeight() {
        return 8.0 * totalBytes() / parameters();
    }

    /** Parameters and bytes per storage type, in order of first appearance. */
    public Map<String, long[]> byType() {
        Map<String, long[]> byType = new LinkedHashMap<>();
        for (TensorStorage t : tensors) {
            long[] sums = byType.computeIfAbsent(t.type(), k -> new long[2]);
            sums[0] += t.tensor().elements();
            sums[1] += t.bytes();
        }
        return byType;
    }
}
