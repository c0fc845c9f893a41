package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.BIAS;
import static app.bytewise.engine.model.TensorRole.NORM;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a family's tensors as groups: those outside the blocks once, those of a block once for
 * all its layers (names carry {@value TensorGroup#LAYER}), an MoE layer's experts once for all
 * experts ({@value TensorGroup#EXPERT}). Listing order is checkpoint order.
 */
final class TensorListBuilder {

    /** Where the tensors being added sit: once, in every layer, or in every expert of every layer. */
    final class Scope {
        private final int firstLayer;
        private final int layerCount;
        private final int experts;

        private Scope(int firstLayer, int layerCount, int experts) {
            this.firstLayer = firstLayer;
            this.layerCount = layerCount;
            this.experts = experts;
        }

        /** A {@code [out, in]} weight of an {@code nn.Linear} (or an embedding table {@code [rows, width]}). */
        void matrix(String name, TensorRole role, long out, long in) {
            add(name, role, List.of(out, in), 1);
        }

        /** A {@code [in, out]} weight of GPT-2's {@code Conv1D}. */
        void conv1d(String name, TensorRole role, long in, long out) {
            add(name, role, List.of(in, out), 0);
        }

        void vector(String name, TensorRole role, long length) {
            add(name, role, List.of(length), 0);
        }

        /** An {@code nn.Linear}: its weight, and its bias when it has one. */
        void linear(String prefix, TensorRole role, long out, long in, boolean bias) {
            matrix(prefix + ".weight", role, out, in);
            if (bias) {
                vector(prefix + ".bias", BIAS, out);
            }
        }

        /** {@code nn.LayerNorm} with its affine weight and bias. */
        void layerNorm(String prefix, long width) {
            vector(prefix + ".weight", NORM, width);
            vector(prefix + ".bias", NORM, width);
        }

        /** A tensor of any shape, e.g. a convolution {@code [channels, 1, kernel]}, input along {@code inputDimension}. */
        void tensor(String name, TensorRole role, List<Long> shape, int inputDimension) {
            add(name, role, shape, inputDimension);
        }

        /**
         * One tensor holding all {@code experts} routed experts of the layer, {@code [experts, in, out]}
         * with the input first as the fused checkpoints store them (gpt-oss, Llama 4).
         */
        void stackedExperts(String name, TensorRole role, int experts, long in, long out) {
            groups.add(TensorGroup.repeated(name, role, firstLayer, layerCount, 0, List.of((long) experts, in, out), 1,
                    experts));
        }

        /** The routed experts' biases, stacked: {@code [experts, width]}. */
        void stackedExpertBias(String name, int experts, long width) {
            groups.add(TensorGroup.repeated(name, BIAS, firstLayer, layerCount, 0, List.of((long) experts, width), 1,
                    experts));
        }

        private void add(String name, TensorRole role, List<Long> shape, int inputDimension) {
            groups.add(TensorGroup.repeated(name, role, firstLayer, layerCount, experts, shape, inputDimension, 0));
        }
    }

    private final int layers;
    private final List<TensorGroup> groups = new ArrayList<>();

    TensorListBuilder(int layers) {
        this.layers = layers;
    }

    /** Tensors outside the blocks: embeddings, final norm, output head. */
    Scope once() {
        return new Scope(-1, 1, 0);
    }

    /** Tensors every block has; their names hold {@value TensorGroup#LAYER}. */
    Scope everyLayer() {
        return new Scope(0, layers, 0);
    }

    /** Tensors each of {@code experts} experts has in every block; names hold both indices. */
    Scope everyExpert(int experts) {
        return new Scope(0, layers, experts);
    }

    /** Tensors of layers {@code first}… of {@code count} (one block of a layer stack). */
    Scope layers(int first, int count) {
        return new Scope(first, count, 0);
    }

    /** Tensors each of {@code experts} experts has in layers {@code first}… of {@code count}. */
    Scope experts(int first, int count, int experts) {
        return new Scope(first, count, experts);
    }

    /**
     * The groups, with consecutive blocks whose tensors are alike merged into one: gpt-oss's
     * alternating sliding and full layers have the same tensors, so they are one group of 24 layers
     * and not 24 groups of one.
     */
    List<TensorGroup> build() {
        List<TensorGroup> merged = new ArrayList<>();
        int start = 0;
        int previousStart = -1;
        while (start < groups.size()) {
            int end = TensorGroup.runEnd(groups, start);
            List<TensorGroup> run = groups.subList(start, end);
            if (previousStart >= 0 && continues(merged.subList(previousStart, merged.size()), run)) {
                for (int i = 0; i < run.size(); i++) {
                    TensorGroup before = merged.get(previousStart + i);
                    merged.set(previousStart + i, new TensorGroup(before.pattern(), before.first(),
                            before.layers() + run.get(i).layers(), before.experts()));
                }
            } else {
                previousStart = merged.size();
                merged.addAll(run);
            }
            start = end;
        }
        return List.copyOf(merged);
    }

    /** Whether {@code run} is the same tensors as {@code before}, in the layers right after it. */
    private static boolean continues(List<TensorGroup> before, List<TensorGroup> run) {
        if (before.size() != run.size() || before.getFirst().first().layer() < 0 || run.getFirst().first().layer() < 0) {
            return false;
        }
        for (int i = 0; i < run.size(); i++) {
            TensorGroup a = before.get(i);
            TensorGroup b = run.get(i);
            if (!a.pattern().equals(b.pattern()) || a.experts() != b.experts() || a.role() != b.role()
                    || !a.first().shape().equals(b.first().shape()) || a.first().stackedExperts() != b.first().stackedExperts()
                    || a.first().layer() + a.layers() != b.first().layer() || a.layers() != before.getFirst().layers()) {
                return false;
            }
        }
        return true;
    }
}
