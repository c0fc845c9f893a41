package app.bytewise.quant.hqq;

import app.bytewise.quant.method.ProgressMonitor;

/**
 * HQQ's default zero-point solver, {@code optimize_weights_proximal_legacy} of
 * {@code hqq/core/optimize.py} (mobiusml/hqq), with its defaults lp_norm 0.7, beta 10, iters 20, in
 * float32 as it runs on CPU ({@code dtype = float16 if device is cuda else float32}). Each step:
 *
 * <pre>
 * W_q  = round(W_f · scale + zero).clamp(0, 2^b − 1)
 * W_r  = (W_q − zero) / scale
 * W_e  = shrink_lp_op(W_f − W_r, beta, lp_norm)      sign(x) · relu(|x| − |x|^(p−1) / beta)
 * zero = mean(W_q − (W_f − W_e) · scale, axis)       per group
 * </pre>
 *
 * <p>then {@code current_error = mean|W_f − W_r|} over the whole tensor; the loop stops at the first
 * step whose error is not below the best so far. As in HQQ the scale (here its inverse, HQQ quantizes
 * with {@code W · scale + zero}) is never updated, kappa (1.01) is accepted but unused by the legacy
 * loop (only {@code optimize_weights_proximal_v2} multiplies beta by it), and the zero kept on an
 * early stop is the one that step computed, not the best one.
 *
 * <p>Float order: the element-wise operations are float32 in the same order as PyTorch's; the
 * reductions (the per-group mean and the tensor-wide error) are summed here in double and rounded to
 * float, while PyTorch sums float32 in its own cascade order, so a zero may differ in the last bit
 * and an early stop can fall one step apart on a near tie. {@code |x|^(−0.3)} is {@code Math.pow}
 * rounded to float where PyTorch calls {@code powf}, which may differ by an ulp.
 */
final class HqqOptimizer {

    static final float LP_NORM = 0.7f;
    static final double BETA = 1e1;
    static final double KAPPA = 1.01;
    static final int ITERS = 20;

    /** The zeros after the loop, the steps run and each step's mean absolute error. */
    record Result(float[] zero, int steps, double[] errors) {
    }

    private HqqOptimizer() {
    }

    static Result optimize(float[] w, HqqLayout layout, float[] scale, float[] zeroIn, int maxCode) {
        return optimize(w, layout, scale, zeroIn, maxCode, ProgressMonitor.NONE);
    }

    static Result optimize(float[] w, HqqLayout layout, float[] scale, float[] zeroIn, int maxCode, ProgressMonitor monitor) {
        float[] zero = zeroIn.clone();
        int groups = layout.groups();
        int n = layout.groupSize();
        // (1.0 / beta) is a Python float multiplied into a float32 tensor: float32 0.1.
        float invBeta = (float) (1.0 / BETA);
        float exponent = LP_NORM - 1;
        double best = Double.POSITIVE_INFINITY;
        double[] errors = new double[ITERS];
        int steps = 0;
        for (int it = 0; it < ITERS; it++) {
            monitor.checkCancelled();
            double absError = 0;
            float[] next = new float[groups];
            for (int g = 0; g < groups; g++) {
                float s = scale[g];
                float z = zero[g];
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    float wf = w[layout.index(g, j)];
                    float q = code(wf, s, z, maxCode);
                    float wr = (q - z) / s;
                    float x = wf - wr;
                    absError += Math.abs(x);
                    float we = shrink(x, invBeta, exponent);
                    sum += q - (wf - we) * s;
                }
                next[g] = (float) (sum / n);
            }
            zero = next;
            double error = (float) (absError / w.length);
            errors[it] = error;
            steps = it + 1;
            if (error < best) {
                best = error;
            } else {
                break;
            }
        }
        return new Result(zero, steps, java.util.Arrays.copyOf(errors, steps));
    }

    /** {@code torch.round(w * scale + zero).clamp(0, max)}: two float32 roundings, then half-to-even. */
    static float code(float w, float scale, float zero, int maxCode) {
        float q = (float) Math.rint(w * scale + zero);
        return Math.max(0, Math.min(maxCode, q));
    }

    /** {@code shrink_lp_op} for lp_norm ≠ 1: sign(x) · max(|x| − (1/beta) · |x|^(p−1), 0). */
    static float shrink(float x, float invBeta, float exponent) {
        float a = Math.abs(x);
        float t = a - invBeta * (float) Math.pow(a, exponent);
        return Math.signum(x) * Math.max(t, 0f);
    }
}
