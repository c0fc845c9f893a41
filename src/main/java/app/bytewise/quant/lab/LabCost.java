package app.bytewise.quant.lab;

import app.bytewise.quant.hqq.HqqQuantizer;
import app.bytewise.quant.method.Awq;
import java.time.Duration;
import java.util.Locale;

/**
 * The CPU time a lab run takes, estimated from its shapes before anything is generated, so a caller
 * can price a run or refuse it. The work is counted per term of each method and weighted by the CPU
 * time per unit measured with {@link QuantLab#run} on the build machine (2-vCPU AMD EPYC, JDK 25,
 * README "Benchmarks"), rounded up:
 *
 * <ul>
 *   <li>every run: generating, measuring and histogramming a weight, 50 ns; a generated input, 30 ns;
 *   <li>GGUF k-quants and IQ4_NL, which search their scales: 100 ns more per weight;
 *   <li>a product Y = X·Wᵀ (inputRows · rows · cols multiply-adds, 0.7 ns each): two for the output
 *       error whenever there are layer inputs (exact and quantized);
 *   <li>GPTQ (Frantar et al. 2022, Algorithm 1): the Hessian XᵀX, inputRows · cols² (0.04 ns, one
 *       triangle, blocked); its Cholesky factor and triangular inverse, cols³ (0.06 ns); the column
 *       sweep, rows · cols² (0.07 ns);
 *   <li>AWQ: {@code Awq.GRID + 1} grid points, each an RTN pass (20 ns per weight) and two products;
 *   <li>LLM.int8() and SmoothQuant: an INT8 product and two FP32 products, and the metrics on Y;
 *   <li>HQQ: iterative, up to {@code HqqQuantizer.MAX_STEPS} (20) proximal steps over every weight,
 *       priced at all 20 (75 ns per weight each, mostly the |x|^(−0.3) of its shrinkage), since where
 *       it stops early depends on the values.
 * </ul>
 *
 * <p>Against measurements on 4096 × 4096 with 512 input rows: INT8 12 s (estimated 12.9 s), GPTQ
 * 18 s (22 s); AWQ on 512 × 1024 with 512 rows 7.1 s (8.5 s); GGUF Q4_K on 4096 × 4096 2.4 s (2.5 s);
 * HQQ 4-bit group 64 on 1024 × 1024, 20 steps, 1.3–1.7 s (1.6 s).
 */
public final class LabCost {

    private static final double WEIGHT_NS = 50;
    private static final double INPUT_NS = 30;
    private static final double SCALE_SEARCH_NS = 100;
    private static final double MULTIPLY_ADD_NS = 0.7;
    private static final double HESSIAN_NS = 0.04;
    private static final double FACTOR_NS = 0.06;
    private static final double SWEEP_NS = 0.07;
    private static final double RTN_PASS_NS = 20;
    private static final double HQQ_STEP_NS = 75;

    private LabCost() {
    }

    /**
     * @param inputRows rows of the layer inputs X (tokens), 0 when the run has none
     */
    public static Duration of(String format, LabMethod method, int rows, int cols, int inputRows) {
        double weights = (double) rows * cols;
        double product = (double) inputRows * rows * cols * MULTIPLY_ADD_NS;
        double ns = WEIGHT_NS * weights + INPUT_NS * (double) inputRows * cols;
        if (searchesScales(format)) {
            ns += SCALE_SEARCH_NS * weights;
        }
        double square = (double) cols * cols;
        ns += switch (method) {
            case GPTQ -> HESSIAN_NS * inputRows * square + FACTOR_NS * square * cols + SWEEP_NS * rows * square;
            case AWQ -> (Awq.GRID + 1) * (2 * product + RTN_PASS_NS * weights);
            case LLM_INT8, SMOOTHQUANT -> 3 * product + WEIGHT_NS * (double) inputRows * rows;
            case HQQ -> HqqQuantizer.MAX_STEPS * HQQ_STEP_NS * weights;
            case RTN, KIVI -> 0;
        };
        boolean productMethod = method == LabMethod.LLM_INT8 || method == LabMethod.SMOOTHQUANT;
        if (inputRows > 0 && !productMethod) {
            ns += 2 * product;
        }
        return Duration.ofNanos((long) Math.min(ns, Long.MAX_VALUE));
    }

    /** "12.9 s", "3.2 min": a cost for a message. */
    public static String describe(Duration cost) {
        double seconds = cost.toNanos() / 1e9;
        return seconds < 120 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    private static boolean searchesScales(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return f.startsWith("gguf:") && (f.endsWith("_k") || f.equals("gguf:iq4_nl") || f.equals("gguf:iq4_xs"));
    }
}
