package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.tensor.FloatMatrix;

/**
 * GPTQ (Frantar et al. 2022, "GPTQ: Accurate Post-Training Quantization for Generative
 * Pre-trained Transformers", Algorithm 1), following the reference {@code fasterquant}: quantize
 * the columns of W one at a time, and spread each column's error over the columns not yet
 * quantized through the inverse Hessian H⁻¹ (H = 2/N·XᵀX from calibration inputs X), so the layer
 * output X·Wᵀ moves as little as possible. Columns are processed in lazy batches of
 * {@code blockSize}; with act-order the columns go in order of decreasing Hessian diagonal.
 */
public final class Gptq {

    /** Progress after the Hessian and after its inverse's factor: about their share of the time at n = 4096. */
    private static final double HESSIAN_DONE = 0.2;
    private static final double FACTOR_DONE = 0.5;

    private Gptq() {
    }

    public static QuantizedTensor quantize(FloatMatrix weights, FloatMatrix calibration, GptqConfig config,
            ProgressMonitor monitor) {
        int rows = weights.rows();
        int n = weights.cols();
        if (calibration.cols() != n) {
            throw new InvalidInputException("calibration", "Calibration inputs need " + n
                    + " features (the weight's input dimension), got " + calibration.cols() + ".");
        }
        double[][] h = HessianInverse.hessian(calibration.data(), calibration.rows(), n, monitor);
        monitor.report(HESSIAN_DONE);
        float[] w = weights.data();

        // Inputs that never fire carry no information: the reference zeroes those weight columns.
        boolean[] dead = new boolean[n];
        for (int c = 0; c < n; c++) {
            if (h[c][c] == 0) {
                h[c][c] = 1;
                dead[c] = true;
            }
        }
        int[] perm = order(h, config.actOrder());
        float[][] permuted = new float[rows][n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                permuted[r][i] = dead[perm[i]] ? 0 : w[r * n + perm[i]];
            }
        }
        if (config.actOrder()) {
            h = permuteSymmetric(h, perm);
        }
        double mean = 0;
        for (int c = 0; c < n; c++) {
            mean += h[c][c];
        }
        double damp = config.dampPercent() * mean / n;
        for (int c = 0; c < n; c++) {
            h[c][c] += damp;
        }
        monitor.checkCancelled();
        float[][] hinv = toFloat(HessianInverse.upperCholeskyOfInverse(h, monitor));
        monitor.report(FACTOR_DONE);

        float[][] q = GptqSweep.run(permuted, hinv, config, monitor, FACTOR_DONE);
        float[] restored = new float[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                restored[r * n + perm[i]] = q[r][i];
            }
        }
        IntQuantConfig quant = config.quant();
        long groups = quant.granularity() == Granularity.TENSOR ? 1
                : (long) rows * Math.ceilDiv(n, quant.groupLength(n));
        long bits = RoundToNearest.storedBits((long) rows * n, groups, quant) + 32L * n; // + g_idx per column
        monitor.report(1);
        return new QuantizedTensor("GPTQ " + quant.describe() + (config.actOrder() ? ", act-order" : ""),
                new FloatMatrix(rows, n, restored), bits);
    }

    private static int[] order(double[][] h, boolean actOrder) {
        int n = h.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (actOrder) {
            // Descending diagonal, stable for ties (torch.argsort(descending=True) is not guaranteed stable).
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(h[b][b], h[a][a]));
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = idx[i];
        }
        return perm;
    }

    private static double[][] permuteSymmetric(double[][] h, int[] perm) {
        int n = h.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = h[perm[i]][perm[j]];
            }
        }
        return out;
    }

    private static float[][] toFloat(double[][] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new float[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                out[i][j] = (float) values[i][j];
            }
        }
        return out;
    }
}
