package app.bytewise.ui.lab;

import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.function.Supplier;

/**
 * A validated tensor, not yet necessarily made: generating 16 million values takes a moment, so a
 * generated tensor is produced on the worker thread, never on the page's request thread.
 */
record LabTensor(int rows, int cols, Supplier<FloatMatrix> values) {

    static LabTensor generated(TensorSpec spec) {
        return new LabTensor(spec.rows(), spec.cols(), () -> TensorGenerator.generate(spec));
    }

    static LabTensor given(FloatMatrix matrix) {
        return new LabTensor(matrix.rows(), matrix.cols(), () -> matrix);
    }
}
