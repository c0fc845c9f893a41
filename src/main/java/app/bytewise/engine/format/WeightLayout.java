package app.bytewise.engine.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model's weights under one format, group of identical tensors by group. */
public record WeightLayout(String formatId, List<GroupStorage> groups) {

    public WeightLayout {
        groups = List.copyOf(groups);
    }

    public long totalBytes() {
        long sum = 0;
        for (GroupStorage g : groups) {
            sum = Math.addExact(sum, g.bytes());
        }
        return sum;
    }

    public long parameters() {
        long sum = 0;
        for (GroupStorage g : groups) {
            sum = Math.addExact(sum, g.group().elements());
        }
        return sum;
    }

    /** How many tensors are stored. */
    public long tensorCount() {
        return groups.stream().mapToLong(g -> g.group().copies()).sum();
    }

    /** Every tensor one by one, for inspection; the sums above work on the groups. */
    public List<TensorStorage> tensors() {
        return groups.stream().flatMap(g -> g.expand().stream()).toList();
    }

    /** Average storage bits per parameter, scales and unquantized tensors included. */
    public double bitsPerWeight() {
        return 8.0 * totalBytes() / parameters();
    }

    /** Parameters and bytes per storage type, in order of first appearance. */
    public Map<String, long[]> byType() {
        Map<String, long[]> byType = new LinkedHashMap<>();
        for (GroupStorage g : groups) {
            long[] sums = byType.computeIfAbsent(g.type(), k -> new long[2]);
            sums[0] = Math.addExact(sums[0], g.group().elements());
            sums[1] = Math.addExact(sums[1], g.bytes());
        }
        return byType;
    }
}
