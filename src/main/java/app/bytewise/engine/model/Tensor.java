package app.bytewise.engine.model;

import java.util.List;

/**
 * One tensor as a checkpoint stores it: its name in the Hugging Face checkpoint, its shape, and
 * where it sits (layer, expert). {@code layer} and {@code expert} are -1 where they do not apply.
 *
 * @param stackedExperts for one tensor holding every routed expert of a layer along its first dimension
 *     (gpt-oss's and Llama 4's fused {@code experts.gate_up_proj [E, …]}), E; otherwise 0
 * @param inputDimension index into {@code shape} of the input (reduction) dimension, the row
 *     length that block quantizers split into blocks (ggml's {@code ne[0]}). PyTorch's
 *     {@code nn.Linear} stores {@code [out, in]} (index 1); GPT-2's {@code Conv1D} stores
 *     {@code [in, out]} (index 0).
 */
public record Tensor(String name, TensorRole role, int layer, int expert, List<Long> shape, int inputDimension,
        int stackedExperts) {

    public Tensor(String name, TensorRole role, int layer, int expert, List<Long> shape, int inputDimension) {
        this(name, role, layer, expert, shape, inputDimension, 0);
    }

    public Tensor {
        shape = List.copyOf(shape);
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException(name + ": every dimension must be positive, got " + shape);
        }
    }

    /** A {@code [out, in]} weight of an {@code nn.Linear} (or an embedding table {@code [rows, width]}). */
    public static Tensor matrix(String name, TensorRole role, int layer, long out, long in) {
        return new Tensor(name, role, layer, -1, List.of(out, in), 1);
    }

    public static Tensor vector(String name, TensorRole role, int layer, long length) {
        return new Tensor(name, role, layer, -1, List.of(length), 0);
    }

    public long elements() {
        // A plain loop: estimates call this for every tensor group many times, and a boxed stream
        // reduction was most of the API's per-request garbage.
        long product = 1;
        for (int i = 0; i < shape.size(); i++) {
            product = Math.multiplyExact(product, shape.get(i));
        }
        return product;
    }

    public int dimensions() {
        return shape.size();
    }

    /** Length of one row along the input dimension (ggml's {@code ne[0]}). */
    public long rowLength() {
        return shape.get(inputDimension);
    }

    public long rows() {
        return elements() / rowLength();
    }

    /** A routed expert's weights (one expert's, or all of a layer's stacked), which a token uses only when routed there. */
    public boolean isExpert() {
        return expert >= 0 || stackedExperts > 0;
    }
}
