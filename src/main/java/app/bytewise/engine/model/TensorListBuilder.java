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

        private void add(String name, TensorRole role, List<Long> shape, int inputDimension) {
            groups.add(TensorGroup.repeated(name, role, firstLayer, layerCount, experts, shape, inputDimension));
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

    List<TensorGroup> build() {
        return List.copyOf(groups);
    }
}
