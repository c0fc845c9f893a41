package app.bytewise.quant.tensor;

import app.bytewise.engine.InvalidInputException;

/**
 * A reproducible tensor: the same spec always gives the same values.
 *
 * @param scale σ of the Gaussian part
 * @param outliers how many columns (weights) or features (activations) are outliers
 * @param outlierMagnitude how much larger those are
 * @param degreesOfFreedom ν of the Student-t kind
 */
public record TensorSpec(TensorKind kind, int rows, int cols, long seed, double scale, int outliers,
        double outlierMagnitude, double degreesOfFreedom) {

    public TensorSpec {
        if (rows < 1 || rows > FloatMatrix.MAX_SIDE) {
            throw new InvalidInputException("tensor.rows", "Rows from 1 to " + FloatMatrix.MAX_SIDE + "; got " + rows + ".");
        }
        if (cols < 1 || cols > FloatMatrix.MAX_SIDE) {
            throw new InvalidInputException("tensor.cols", "Columns from 1 to " + FloatMatrix.MAX_SIDE + "; got " + cols + ".");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new InvalidInputException("tensor.scale", "The scale must be a positive number.");
        }
        if (outliers < 0 || outliers > cols) {
            throw new InvalidInputException("tensor.outliers", "Between 0 and the column count of outliers.");
        }
        if (!(outlierMagnitude >= 1) || !Double.isFinite(outlierMagnitude)) {
            throw new InvalidInputException("tensor.outlierMagnitude", "The outlier magnitude must be at least 1.");
        }
        if (!(degreesOfFreedom > 2) || !Double.isFinite(degreesOfFreedom)) {
            throw new InvalidInputException("tensor.degreesOfFreedom", "ν must be above 2 (finite variance).");
        }
    }

    public static TensorSpec gaussian(int rows, int cols, long seed) {
        return new TensorSpec(TensorKind.GAUSSIAN, rows, cols, seed, 0.02, 0, 1, 5);
    }

    public static TensorSpec activations(int tokens, int features, long seed, int outlierFeatures) {
        return new TensorSpec(TensorKind.ACTIVATIONS, tokens, features, seed, 1.0, outlierFeatures, 20, 5);
    }

    /**
     * Layer inputs X for a weight with {@code features} input columns: 64 to 512 tokens (enough for a
     * well-conditioned GPTQ Hessian at lab sizes) and one emergent outlier feature per 64, the
     * pattern LLM.int8() (Dettmers et al. 2022, §3) reports in real activations.
     */
    public static TensorSpec layerInputs(int features, long seed) {
        return activations(Math.min(512, Math.max(64, features)), features, seed, Math.max(1, features / 64));
    }

    public TensorSpec withOutliers(int count, double magnitude) {
        return new TensorSpec(kind, rows, cols, seed, scale, count, magnitude, degreesOfFreedom);
    }

    public TensorSpec withKind(TensorKind other) {
        return new TensorSpec(other, rows, cols, seed, scale, outliers, outlierMagnitude, degreesOfFreedom);
    }
}
