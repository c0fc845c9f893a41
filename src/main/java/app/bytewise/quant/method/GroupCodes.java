package app.bytewise.quant.method;

import app.bytewise.quant.tensor.FloatMatrix;

/**
 * The integer codes, FP16 scales and zero points round-to-nearest gives a rows × cols matrix in
 * groups along each row ({@link RoundToNearest}'s grid, one {@link GroupQuantizer} per group), as
 * unsigned codes 0 … 2^b − 1: a symmetric grid's signed code c is stored as c + 2^(b−1) with zero
 * point 2^(b−1), which decodes to the same (c + 2^(b−1) − 2^(b−1)) · scale, the way GPTQ and AWQ
 * checkpoints store symmetric weights.
 *
 * @param codes rows × cols, row-major
 * @param zeros rows × groups per row
 * @param scales rows × groups per row, FP16 values
 */
public record GroupCodes(int rows, int cols, int group, int[] codes, int[] zeros, float[] scales) {

    public static GroupCodes of(FloatMatrix w, IntQuantConfig config) {
        if (config.granularity() == Granularity.TENSOR) {
            throw new IllegalArgumentException("Per-tensor quantization has no groups along the rows.");
        }
        int rows = w.rows();
        int cols = w.cols();
        int group = config.groupLength(cols);
        int perRow = Math.ceilDiv(cols, group);
        int offset = config.symmetric() ? 1 << (config.bits() - 1) : 0;
        float[] in = w.data();
        int[] codes = new int[rows * cols];
        int[] zeros = new int[rows * perRow];
        float[] scales = new float[rows * perRow];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int k = 0; k < perRow; k++) {
                int start = k * group;
                int end = Math.min(cols, start + group);
                GroupQuantizer q = GroupQuantizer.fit(in, base + start, base + end, 1, config.bits(), config.symmetric());
                zeros[r * perRow + k] = q.zero() + offset;
                scales[r * perRow + k] = q.scale();
                for (int i = base + start; i < base + end; i++) {
                    codes[i] = q.code(in[i]) + offset;
                }
            }
        }
        return new GroupCodes(rows, cols, group, codes, zeros, scales);
    }

    /** (code − zero) · scale, what the codes decode to (RTN's reconstruction). */
    public FloatMatrix dequantize() {
        int perRow = Math.ceilDiv(cols, group);
        float[] out = new float[codes.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int g = r * perRow + c / group;
                out[r * cols + c] = (codes[r * cols + c] - zeros[g]) * scales[g];
            }
        }
        return new FloatMatrix(rows, cols, out);
    }
}
