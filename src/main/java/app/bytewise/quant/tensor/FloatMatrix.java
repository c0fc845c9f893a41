package app.bytewise.quant.tensor;

import app.bytewise.engine.InvalidInputException;

/**
 * A dense row-major float32 matrix. The array is shared, not copied: quantizers read it and write
 * their results into new matrices, so nothing is mutated behind a caller's back.
 */
public final class FloatMatrix {

    /**
     * Longest side of a tensor the lab takes in, as rows or as columns: a layer of a 7B model is
     * 4096 wide. The cap is per side because cost grows with each side separately (GPTQ's Hessian
     * is cols × cols), so 1 × 16,777,216 is no cheaper than 4096 × 4096.
     */
    public static final int MAX_SIDE = 4096;

    /** Largest tensor the lab works on: 4096 × 4096 elements. */
    public static final int MAX_ELEMENTS = MAX_SIDE * MAX_SIDE;

    private final int rows;
    private final int cols;
    private final float[] data;

    public FloatMatrix(int rows, int cols, float[] data) {
        if (rows < 1 || cols < 1) {
            throw new InvalidInputException("rows", "A tensor needs at least one row and one column.");
        }
        if ((long) rows * cols > MAX_ELEMENTS) {
            throw new InvalidInputException("rows", "At most 4096 × 4096 = 16,777,216 elements; got " + rows + " × " + cols + ".");
        }
        if (data.length != rows * cols) {
            throw new InvalidInputException("values", "Expected " + rows * cols + " values for " + rows + " × " + cols
                    + ", got " + data.length + ".");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public static FloatMatrix zeros(int rows, int cols) {
        return new FloatMatrix(rows, cols, new float[rows * cols]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return data.length;
    }

    /** The backing array, row-major. */
    public float[] data() {
        return data;
    }

    public float get(int row, int col) {
        return data[row * cols + col];
    }

    public FloatMatrix copy() {
        return new FloatMatrix(rows, cols, data.clone());
    }

    /** Rejects NaN and infinities, naming the first offending position. */
    public FloatMatrix requireFinite(String field) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new InvalidInputException(field, "Value " + i + " (row " + i / cols + ", column " + i % cols
                        + ") is " + data[i] + "; only finite numbers can be quantized here.");
            }
        }
        return this;
    }

    /** {@code this · otherᵀ}: with X = this (tokens × in) and W = other (out × in), the layer output Y = X·Wᵀ. */
    public FloatMatrix timesTransposed(FloatMatrix other) {
        if (cols != other.cols) {
            throw new IllegalArgumentException("inner dimensions differ: " + cols + " vs " + other.cols);
        }
        float[] out = new float[rows * other.rows];
        for (int i = 0; i < rows; i++) {
            int a = i * cols;
            for (int j = 0; j < other.rows; j++) {
                int b = j * cols;
                double sum = 0;
                for (int k = 0; k < cols; k++) {
                    sum += (double) data[a + k] * other.data[b + k];
                }
                out[i * other.rows + j] = (float) sum;
            }
        }
        return new FloatMatrix(rows, other.rows, out);
    }
}
