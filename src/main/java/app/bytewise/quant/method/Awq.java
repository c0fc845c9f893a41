package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.metric.OutputError;
import app.bytewise.quant.tensor.FloatMatrix;

/**
 * AWQ, activation-aware weight quantization (Lin et al. 2023, §3.2), as AutoAWQ's scale search
 * does it: scale each input channel j of W by s_j = mean|x_j|^α (normalised by
 * sqrt(max s · min s)), quantize W·diag(s) with round-to-nearest, and divide s back out, so salient
 * channels (large activations) get a finer effective grid. α is searched on a grid over [0, 1] for
 * the smallest output error ‖X·Wᵀ − X·Ŵᵀ‖. α = 0 is plain RTN, so AWQ never does worse on the
 * calibration set. In a real model s is folded into the preceding operator, so it costs no storage.
 * AutoAWQ's additional weight-clipping search is not done here.
 */
public final class Awq {

    /** Grid steps over [0, 1]: α = 0, 0.05, …, 1 (AutoAWQ uses 20 steps over [0, 1)). */
    public static final int GRID = 20;

    /**
     * @param channelScales s at the best α: the checkpoint stores W·diag(s) quantized (s folds into
     *     the previous layer), so its codes are those of W·diag(s)
     */
    public record Result(QuantizedTensor quantized, double alpha, double[] errorPerAlpha, float[] channelScales) {
    }

    private Awq() {
    }

    public static Result quantize(FloatMatrix weights, FloatMatrix calibration, IntQuantConfig config) {
        return quantize(weights, calibration, config, ProgressMonitor.NONE);
    }

    /** As above, reporting each of the grid's α values and stopping between them when cancelled. */
    public static Result quantize(FloatMatrix weights, FloatMatrix calibration, IntQuantConfig config,
            ProgressMonitor monitor) {
        int rows = weights.rows();
        int n = weights.cols();
        if (calibration.cols() != n) {
            throw new InvalidInputException("calibration", "Calibration inputs need " + n + " features, got "
                    + calibration.cols() + ".");
        }
        double[] meanAbs = new double[n];
        float[] x = calibration.data();
        for (int t = 0; t < calibration.rows(); t++) {
            for (int j = 0; j < n; j++) {
                meanAbs[j] += Math.abs(x[t * n + j]);
            }
        }
        for (int j = 0; j < n; j++) {
            meanAbs[j] /= calibration.rows();
        }
        double[] errors = new double[GRID + 1];
        QuantizedTensor best = null;
        double bestAlpha = 0;
        float[] bestScales = null;
        for (int step = 0; step <= GRID; step++) {
            monitor.checkCancelled();
            monitor.report((double) step / (GRID + 1));
            double alpha = (double) step / GRID;
            float[] s = scales(meanAbs, alpha);
            float[] scaled = weights.data().clone();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    scaled[r * n + j] *= s[j];
                }
            }
            QuantizedTensor q = RoundToNearest.quantize(new FloatMatrix(rows, n, scaled), config);
            float[] restored = q.dequantized().data();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < n; j++) {
                    restored[r * n + j] /= s[j];
                }
            }
            errors[step] = OutputError.squaredError(calibration, weights, q.dequantized());
            if (best == null || errors[step] < errors[(int) Math.round(bestAlpha * GRID)]) {
                best = q;
                bestAlpha = alpha;
                bestScales = s;
            }
        }
        QuantizedTensor result = new QuantizedTensor(
                String.format(java.util.Locale.ROOT, "AWQ %s, α = %.2f", config.describe(), bestAlpha),
                best.dequantized(), best.storedBits());
        return new Result(result, bestAlpha, errors, bestScales);
    }

    /** s = clamp(mean|x|^α, 1e-4) / sqrt(max s · min s), as AutoAWQ normalises it. */
    static float[] scales(double[] meanAbs, double alpha) {
        double[] s = new double[meanAbs.length];
        double max = 0;
        double min = Double.MAX_VALUE;
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.max(1e-4, Math.pow(meanAbs[j], alpha));
            max = Math.max(max, s[j]);
            min = Math.min(min, s[j]);
        }
        double norm = Math.sqrt(max * min);
        float[] out = new float[s.length];
        for (int j = 0; j < s.length; j++) {
            out[j] = (float) (s[j] / norm);
        }
        return out;
    }
}
