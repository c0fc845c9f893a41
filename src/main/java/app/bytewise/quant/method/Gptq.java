package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.stream.IntStream;

/**
 * GPTQ (Frantar et al. 2022, "GPTQ: Accurate Post-Training Quantization for Generative
 * Pre-trained Transformers", Algorithm 1), following the reference {@code fasterquant}: quantize
 * the columns of W one at a time, and spread each column's error over the columns not yet
 * quantized through the inverse Hessian H⁻¹ (H = 2/N·XᵀX from calibration inputs X), so the layer
 * output X·Wᵀ moves as little as possible. Columns are processed in lazy batches of
 * {@code blockSize}; with act-order the columns go in order of decreasing Hessian diagonal.
 */
public final class Gptq {

    /** Columns per lazy-update tile: 128 rows of H⁻¹ × 512 floats = 256 KiB, an L2 cache's worth. */
    private static final int TILE = 512;

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
        double[] h = HessianInverse.hessian(calibration.data(), calibration.rows(), n, monitor);
        float[] w = weights.data().clone();

        // Inputs that never fire carry no information: the reference zeroes those weight columns.
        for (int c = 0; c < n; c++) {
            if (h[c * n + c] == 0) {
                h[c * n + c] = 1;
                for (int r = 0; r < rows; r++) {
                    w[r * n + c] = 0;
                }
            }
        }
        int[] perm = order(h, n, config.actOrder());
        w = permuteColumns(w, rows, n, perm);
        h = permuteSymmetric(h, n, perm);
        double mean = 0;
        for (int c = 0; c < n; c++) {
            mean += h[c * n + c];
        }
        double damp = config.dampPercent() * mean / n;
        for (int c = 0; c < n; c++) {
            h[c * n + c] += damp;
        }
        monitor.checkCancelled();
        float[] hinv = toFloat(HessianInverse.upperCholeskyOfInverse(h, n, monitor));
        monitor.report(0.1);

        float[] q = sweep(w, hinv, rows, n, config, monitor);
        float[] restored = permuteColumns(q, rows, n, inverse(perm));
        IntQuantConfig quant = config.quant();
        long groups = quant.granularity() == Granularity.TENSOR ? 1
                : (long) rows * Math.ceilDiv(n, quant.groupLength(n));
        long bits = RoundToNearest.storedBits((long) rows * n, groups, quant) + 32L * n; // + g_idx per column
        monitor.report(1);
        return new QuantizedTensor("GPTQ " + quant.describe() + (config.actOrder() ? ", act-order" : ""),
                new FloatMatrix(rows, n, restored), bits);
    }

    /** The column sweep with lazy batch updates; returns the quantized weights in processing order. */
    private static float[] sweep(float[] w, float[] hinv, int rows, int n, GptqConfig config, ProgressMonitor monitor) {
        IntQuantConfig quant = config.quant();
        int group = quant.groupLength(n);
        GroupQuantizer[] grid = new GroupQuantizer[rows];
        if (quant.granularity() == Granularity.TENSOR) {
            GroupQuantizer all = GroupQuantizer.fit(w, 0, w.length, 1, quant.bits(), quant.symmetric());
            java.util.Arrays.fill(grid, all);
        } else if (quant.granularity() == Granularity.CHANNEL) {
            for (int r = 0; r < rows; r++) {
                grid[r] = GroupQuantizer.fit(w, r * n, r * n + n, 1, quant.bits(), quant.symmetric());
            }
        }
        float[] q = new float[w.length];
        int block = config.blockSize();
        float[] w1 = new float[rows * block];
        float[] err = new float[rows * block];
        for (int i1 = 0; i1 < n; i1 += block) {
            monitor.checkCancelled();
            int count = Math.min(block, n - i1);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(w, r * n + i1, w1, r * count, count);
            }
            for (int i = 0; i < count; i++) {
                int col = i1 + i;
                if (quant.granularity() == Granularity.GROUP && col % group == 0) {
                    // As the reference does, group parameters come from W as it stood at the start of
                    // this block (updated by earlier blocks, not yet by this one).
                    int end = Math.min(n, col + group);
                    for (int r = 0; r < rows; r++) {
                        grid[r] = GroupQuantizer.fit(w, r * n + col, r * n + end, 1, quant.bits(), quant.symmetric());
                    }
                }
                float d = hinv[col * n + col];
                for (int r = 0; r < rows; r++) {
                    int at = r * count;
                    float value = w1[at + i];
                    float rounded = grid[r].roundTrip(value);
                    q[r * n + col] = rounded;
                    float e = (value - rounded) / d;
                    err[at + i] = e;
                    int hRow = col * n + i1;
                    for (int j = i + 1; j < count; j++) {
                        w1[at + j] -= e * hinv[hRow + j];
                    }
                }
            }
            int from = i1 + count;
            int start = i1;
            if (from < n) {
                // Lazy batch update: W[:, from:] −= Err · H⁻¹[i1:i1+count, from:], one row per task.
                // Tiles of columns keep their slice of H⁻¹ in cache while every row of W passes over it.
                int tiles = Math.ceilDiv(n - from, TILE);
                IntStream.range(0, tiles).parallel().forEach(tile -> {
                    int lo = from + tile * TILE;
                    int hi = Math.min(n, lo + TILE);
                    for (int r = 0; r < rows; r++) {
                        lazyUpdate(w, hinv, err, r, n, start, count, lo, hi);
                    }
                });
            }
            monitor.report(0.1 + 0.9 * (i1 + count) / n);
        }
        return q;
    }

    /**
     * W[r, from:] −= Σ_k Err[r, k] · H⁻¹[start + k, from:], four k at a time so each pass over the
     * row of W does four multiply-adds per load and store.
     */
    private static void lazyUpdate(float[] w, float[] hinv, float[] err, int r, int n, int start, int count, int from,
            int to) {
        int wRow = r * n;
        int k = 0;
        for (; k + 4 <= count; k += 4) {
            float e0 = err[r * count + k];
            float e1 = err[r * count + k + 1];
            float e2 = err[r * count + k + 2];
            float e3 = err[r * count + k + 3];
            int h0 = (start + k) * n;
            int h1 = h0 + n;
            int h2 = h1 + n;
            int h3 = h2 + n;
            for (int j = from; j < to; j++) {
                w[wRow + j] -= e0 * hinv[h0 + j] + e1 * hinv[h1 + j] + e2 * hinv[h2 + j] + e3 * hinv[h3 + j];
            }
        }
        for (; k < count; k++) {
            float e = err[r * count + k];
            int h = (start + k) * n;
            for (int j = from; j < to; j++) {
                w[wRow + j] -= e * hinv[h + j];
            }
        }
    }

    private static int[] order(double[] h, int n, boolean actOrder) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (actOrder) {
            // Descending diagonal, stable for ties (torch.argsort(descending=True) is not guaranteed stable).
            java.util.Arrays.sort(idx, (a, b) -> Double.compare(h[b * n + b], h[a * n + a]));
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = idx[i];
        }
        return perm;
    }

    private static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return inv;
    }

    /** out[:, i] = in[:, perm[i]]. */
    private static float[] permuteColumns(float[] in, int rows, int n, int[] perm) {
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                out[r * n + i] = in[r * n + perm[i]];
            }
        }
        return out;
    }

    private static double[] permuteSymmetric(double[] h, int n, int[] perm) {
        double[] out = new double[h.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = h[perm[i] * n + perm[j]];
            }
        }
        return out;
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
