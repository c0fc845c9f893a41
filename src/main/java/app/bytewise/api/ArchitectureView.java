package app.bytewise.api;

import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.LayerBlock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An architecture as the API shows it: the layers run-length, each block's attention and MLP as a
 * JSON object whose {@code kind} names the sealed type's member ({@code full}, {@code sliding},
 * {@code chunked}, {@code latent}, {@code gatedDeltaNet}, {@code mamba}; {@code dense}, {@code moe},
 * {@code none}) followed by that kind's own dimensions, so a client can tell an MLA latent from a
 * sliding window without guessing from which fields are present.
 */
record ArchitectureView(String family, long hiddenSize, long vocabSize, boolean tiedEmbeddings, long maxPositions,
        int layers, List<Block> blocks) {

    record Block(int count, Map<String, Object> attention, Map<String, Object> mlp) {
    }

    static ArchitectureView of(Architecture a) {
        return new ArchitectureView(a.family(), a.hiddenSize(), a.vocabSize(), a.tiedEmbeddings(), a.maxPositions(),
                a.layers(), a.blocks().stream().map(ArchitectureView::block).toList());
    }

    private static Block block(LayerBlock b) {
        // Every Attention and Mlp is a record (the sealed types permit nothing else).
        return new Block(b.count(), kind((Record) b.attention()), kind((Record) b.mlp()));
    }

    /** The record's components in declaration order, after its kind. */
    private static Map<String, Object> kind(Record value) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String name = value.getClass().getSimpleName();
        fields.put("kind", Character.toLowerCase(name.charAt(0)) + name.substring(1));
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            try {
                fields.put(c.getName(), c.getAccessor().invoke(value));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("record accessor " + c, e);
            }
        }
        return fields;
    }
}
