package app.bytewise.engine.format;

import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.model.TensorRole;
import java.util.List;

/**
 * llama-quantize's {@code i_ffn_down}: how many tensors named {@code *ffn_down*} come before a given
 * one in its order, which sorts tensors by layer and then by name (weight_name_comparer,
 * src/llama-model-loader.h). Within a layer the GGUF names sort {@code ffn_down} (dense),
 * {@code ffn_down_exps} (every routed expert, stacked in one tensor), {@code ffn_down_shexp} (shared).
 */
final class FfnDownCounter {

    private static final int DENSE = 0;
    private static final int ROUTED = 1;
    private static final int SHARED = 2;

    private final int[] before;
    private final boolean[][] present;

    FfnDownCounter(List<TensorGroup> groups) {
        int layers = 0;
        for (TensorGroup g : groups) {
            layers = Math.max(layers, g.first().layer() + g.layers());
        }
        present = new boolean[layers][3];
        for (TensorGroup g : groups) {
            if (g.role() == TensorRole.FFN_DOWN && g.first().layer() >= 0) {
                for (int l = g.first().layer(); l < g.first().layer() + g.layers(); l++) {
                    present[l][kind(g.first())] = true;
                }
            }
        }
        before = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            int n = 0;
            for (boolean p : present[l]) {
                n += p ? 1 : 0;
            }
            before[l + 1] = before[l] + n;
        }
    }

    /** The count of ffn_down tensors before the copy of {@code t} in {@code layer}. */
    int index(Tensor t, int layer) {
        int i = before[layer];
        for (int k = 0; k < kind(t); k++) {
            i += present[layer][k] ? 1 : 0;
        }
        return i;
    }

    private static int kind(Tensor t) {
        return t.isExpert() ? ROUTED : t.name().contains("shared_expert") ? SHARED : DENSE;
    }
}
