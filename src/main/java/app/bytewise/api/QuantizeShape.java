package app.bytewise.api;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.lab.LabMethod;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.Locale;

/**
 * The shapes a quantize request asks for, checked before anything is generated or charged: each
 * side of the tensor and the input rows at most {@link FloatMatrix#MAX_SIDE}, since the cost grows
 * with each side on its own (GPTQ's Hessian is cols × cols; AWQ's products grow with the input
 * rows), so a cap on rows × cols alone let 1 × 16,777,216 run GPTQ out of memory.
 *
 * @param inputRows rows of the layer inputs X, 0 when the method needs none
 * @param field the request field that carries the tensor: {@code tensor} or {@code values}
 */
record QuantizeShape(int rows, int cols, int inputRows, String field) {

    /** Inline values are for pasted matrices; generated tensors can be as large as the lab allows. */
    static final int MAX_INLINE_VALUES = 1 << 20;

    static QuantizeShape of(QuantizeRequest q, LabMethod method) {
        if ((q.values() == null) == (q.tensor() == null)) {
            throw new InvalidInputException("values", "Give either values (with rows and cols) or a tensor spec.");
        }
        QuantizeShape tensor = q.tensor() != null ? generated(q.tensor()) : inline(q);
        if (!method.needsInputs()) {
            return tensor;
        }
        return new QuantizeShape(tensor.rows, tensor.cols, inputRows(q.inputs(), tensor.cols), tensor.field);
    }

    /** "gptq on 4096 × 4096 with 512 input rows", for messages. */
    String describe(LabMethod method) {
        return String.format(Locale.ROOT, "%s on %d × %d%s", method.id(), rows, cols,
                inputRows > 0 ? " with " + inputRows + " input rows" : "");
    }

    private static QuantizeShape generated(QuantizeRequest.TensorSpecJson spec) {
        if (spec.rows() == null || spec.cols() == null) {
            throw new InvalidInputException("tensor.rows", "Give rows and cols.");
        }
        return new QuantizeShape(side(spec.rows(), "tensor.rows"), side(spec.cols(), "tensor.cols"), 0, "tensor");
    }

    private static QuantizeShape inline(QuantizeRequest q) {
        int count = q.values().size();
        if (count > MAX_INLINE_VALUES) {
            throw new InvalidInputException("values", "At most " + MAX_INLINE_VALUES
                    + " inline values; generate larger tensors with a tensor spec.");
        }
        if (count == 0) {
            throw new InvalidInputException("values", "Give at least one value.");
        }
        if (q.cols() == null && count > FloatMatrix.MAX_SIDE) {
            throw new InvalidInputException("cols", "Give rows and cols: " + count + " values do not fit one row of at most "
                    + FloatMatrix.MAX_SIDE + ".");
        }
        int cols = side(q.cols() != null ? q.cols() : count, "cols");
        int rows = side(q.rows() != null ? q.rows() : Math.max(1, count / cols), "rows");
        if ((long) rows * cols != count) {
            throw new InvalidInputException("values", "Expected " + (long) rows * cols + " values for " + rows + " × "
                    + cols + ", got " + count + ".");
        }
        return new QuantizeShape(rows, cols, 0, "values");
    }

    /** Generated layer inputs have {@code features} columns; by default as many rows as the lab uses. */
    private static int inputRows(QuantizeRequest.TensorSpecJson spec, int features) {
        if (spec == null) {
            return TensorSpec.layerInputs(features, 1).rows();
        }
        if (spec.rows() == null) {
            throw new InvalidInputException("inputs.rows", "Give rows and cols.");
        }
        if (spec.cols() != null && spec.cols() != features) {
            throw new InvalidInputException("inputs.cols", "Inputs need " + features + " columns, the weight's input size.");
        }
        return side(spec.rows(), "inputs.rows");
    }

    private static int side(int value, String field) {
        if (value < 1 || value > FloatMatrix.MAX_SIDE) {
            throw new InvalidInputException(field, "Each side is 1 to " + FloatMatrix.MAX_SIDE + "; got " + value + ".");
        }
        return value;
    }
}
