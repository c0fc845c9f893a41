package app.bytewise.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Identical tensors that repeat in consecutive layers, and in every expert of a layer: a block's
 * {@code q_proj} is one group of 32 copies in Llama-2-7B, not 32 tensors. Estimates count a group
 * once and multiply by its copies, so their cost does not grow with the number of layers.
 *
 * @param pattern the checkpoint name with {@value #LAYER} and {@value #EXPERT} standing for the indices
 * @param first the copy in the first layer (and expert 0), its name resolved
 * @param layers consecutive layers from {@code first.layer()} that hold a copy; 1 for a tensor outside the blocks
 * @param experts copies per layer, one per expert; 1 for a tensor that is not an expert's
 */
public record TensorGroup(String pattern, Tensor first, int layers, int experts) {

    public static final String LAYER = "{layer}";
    public static final String EXPERT = "{expert}";

    public TensorGroup {
        if (layers < 1 || experts < 1 || (first.layer() < 0 && layers != 1) || (first.expert() < 0 && experts != 1)) {
            throw new IllegalArgumentException(pattern + ": " + layers + " layers × " + experts + " experts from "
                    + first.layer() + "/" + first.expert());
        }
    }

    /** One tensor, on its own. */
    public static TensorGroup of(Tensor tensor) {
        return new TensorGroup(tensor.name(), tensor, 1, 1);
    }

    /** Copies in layers {@code firstLayer}… of {@code layers}; with {@code experts} > 0, one per expert of each. */
    static TensorGroup repeated(String pattern, TensorRole role, int firstLayer, int layers, int experts,
            List<Long> shape, int inputDimension, int stackedExperts) {
        int expert = experts > 0 ? 0 : -1;
        Tensor first = new Tensor(name(pattern, firstLayer, expert), role, firstLayer, expert, shape, inputDimension,
                stackedExperts);
        return new TensorGroup(pattern, first, layers, Math.max(experts, 1));
    }

    public TensorRole role() {
        return first.role();
    }

    /** How many identical tensors the group stands for. */
    public long copies() {
        return Math.multiplyExact((long) layers, experts);
    }

    /** Elements of all copies together. */
    public long elements() {
        return Math.multiplyExact(first.elements(), copies());
    }

    /** The copy in {@code layer} for {@code expert} (-1 where that index does not apply). */
    public Tensor copy(int layer, int expert) {
        return new Tensor(name(pattern, layer, expert), first.role(), layer, expert, first.shape(),
                first.inputDimension(), first.stackedExperts());
    }

    /** The same tensors over layers {@code from}… of {@code count}, a part of this group's layers. */
    public TensorGroup layers(int from, int count) {
        return new TensorGroup(pattern, copy(from, first.expert()), count, experts);
    }

    /** The name for display: "model.layers.0–31.self_attn.q_proj.weight" for a group of 32 layers. */
    public String label() {
        int layer = first.layer();
        String layerText = layers == 1 ? Integer.toString(layer) : layer + "–" + (layer + layers - 1);
        String expertText = experts == 1 ? "0" : "0–" + (experts - 1);
        return pattern.replace(LAYER, layerText).replace(EXPERT, expertText);
    }

    /**
     * Every tensor of {@code groups}, one by one, in checkpoint order: groups over the same layers
     * are interleaved layer by layer, and expert groups of a layer expert by expert, as the
     * families list them ({@code layers.0.q_proj, layers.0.k_proj, …, layers.1.q_proj}). For
     * display and inspection; estimates work on the groups.
     */
    public static List<Tensor> expand(List<TensorGroup> groups) {
        List<Tensor> tensors = new ArrayList<>();
        int i = 0;
        while (i < groups.size()) {
            TensorGroup head = groups.get(i);
            int end = runEnd(groups, i);
            for (int layer = head.first.layer(); layer < head.first.layer() + head.layers; layer++) {
                expandLayer(groups.subList(i, end), layer, tensors);
            }
            i = end;
        }
        return tensors;
    }

    /** The end of the run of groups from {@code start} that cover the same layers, listed layer by layer. */
    public static int runEnd(List<TensorGroup> groups, int start) {
        TensorGroup head = groups.get(start);
        int end = start + 1;
        while (end < groups.size() && groups.get(end).first.layer() == head.first.layer()
                && groups.get(end).layers == head.layers) {
            end++;
        }
        return end;
    }

    private static void expandLayer(List<TensorGroup> run, int layer, List<Tensor> tensors) {
        int k = 0;
        while (k < run.size()) {
            TensorGroup head = run.get(k);
            int end = k + 1;
            while (end < run.size() && head.first.expert() >= 0 && run.get(end).first.expert() >= 0
                    && run.get(end).experts == head.experts) {
                end++;
            }
            for (int e = 0; e < head.experts; e++) {
                for (TensorGroup g : run.subList(k, end)) {
                    tensors.add(g.copy(layer, g.first.expert() >= 0 ? g.first.expert() + e : -1));
                }
            }
            k = end;
        }
    }

    private static String name(String pattern, int layer, int expert) {
        return pattern.replace(LAYER, Integer.toString(layer)).replace(EXPERT, Integer.toString(expert));
    }
}
