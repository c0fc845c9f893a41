package app.bytewise.engine.training.framework;

import app.bytewise.engine.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * DeepSpeed's own model-states estimator, row for row as it prints them: the functions
 * {@code estimate_zero2_model_states_mem_needs} ({@code deepspeed/runtime/zero/stage_1_and_2.py}) and
 * {@code estimate_zero3_model_states_mem_needs} ({@code deepspeed/runtime/zero/stage3.py}) at DeepSpeed
 * commit edaa722 (2026-08-22). They count parameters, gradients and Adam states only (no activations,
 * no buffers but the 1.5 "additional buffer factor" on CPU), in bytes; the tables DeepSpeed prints
 * divide by 2^30 and label the result "GB": those are GiB.
 *
 * <p>The arithmetic follows Python's: {@code int(x)} truncates a float, a product with the buffer
 * factor is a double. Products of parameter counts stay below 2^53 here ({@link #MAX_PARAMETERS}),
 * so they are exact as Python's integers are.
 *
 * <p>ZeRO-2 without offload is {@code 2Ψ + 18Ψ/N} since DeepSpeed PR #5099 (June 2024: 16-bit
 * parameters, plus 16-bit and FP32 gradients, FP32 master weights and Adam's two moments, sharded);
 * its documentation's t5-3b table still shows the earlier {@code 4Ψ + 16Ψ/N} (15.93 GB where the
 * code now prints 11.28).
 */
public final class DeepSpeedEstimator {

    /** 2^53 / 18: the largest count whose 18-byte product a double holds exactly. */
    public static final long MAX_PARAMETERS = 500_000_000_000_000L;

    /** DeepSpeed's default {@code additional_buffer_factor}. */
    public static final double DEFAULT_BUFFER_FACTOR = 1.5;

    private DeepSpeedEstimator() {
    }

    /** One row of the printed table: memory per CPU (the node's host) and per GPU for one set of options. */
    public record Row(long cpuBytes, long gpuBytes, String options) {

        /** As DeepSpeed prints it: {@code  127.45GB |   5.31GB | offload_optimizer=cpu } (GiB, labelled GB). */
        public String printed() {
            return String.format(Locale.ROOT, " %7.2fGB | %6.2fGB | %s", cpuBytes / (double) (1L << 30),
                    gpuBytes / (double) (1L << 30), options);
        }
    }

    /** The cluster and the buffer factor, checked once for both tables. */
    public record Setup(int gpusPerNode, int nodes, double bufferFactor) {

        public Setup {
            if (gpusPerNode < 1 || gpusPerNode > 1024) {
                throw new InvalidInputException("gpusPerNode", "GPUs per node must be 1 to 1,024.");
            }
            if (nodes < 1 || nodes > 1 << 16) {
                throw new InvalidInputException("nodes", "Nodes must be 1 to 65,536.");
            }
            if (!(bufferFactor >= 1 && bufferFactor <= 10)) {
                throw new InvalidInputException("bufferFactor", "The additional buffer factor must be 1 to 10.");
            }
        }

        public static Setup of(int gpusPerNode, int nodes) {
            return new Setup(gpusPerNode, nodes, DEFAULT_BUFFER_FACTOR);
        }

        long totalGpus() {
            return (long) gpusPerNode * nodes;
        }
    }

    /** {@code estimate_zero2_model_states_mem_needs_all_cold}: optimizer offloaded to the CPU, then not. */
    public static List<Row> zero2(long totalParams, Setup s) {
        checkParameters(totalParams, "totalParams");
        long gpus = s.totalGpus();
        double f = s.bufferFactor();
        Row offload = new Row((long) (totalParams * (double) Math.max(4 * gpus, 16) * f), 2 * totalParams,
                "offload_optimizer=cpu ");
        Row none = new Row((long) (totalParams * 4.0 * s.gpusPerNode() * f),
                2 * totalParams + (long) ((double) (18 * totalParams) / gpus), "offload_optimizer=none");
        return List.of(offload, none);
    }

    /**
     * {@code estimate_zero3_model_states_mem_needs_all_cold}: its six rows, parameters and optimizer offloaded,
     * the optimizer only, neither; each with and without {@code zero.Init}. {@code largestLayerParams} is the
     * largest module's own parameters (DeepSpeed gathers it whole: 16-bit parameters and gradients, 4 bytes).
     */
    public static List<Row> zero3(long totalParams, long largestLayerParams, Setup s) {
        checkParameters(totalParams, "totalParams");
        checkParameters(largestLayerParams, "largestLayerParams");
        if (largestLayerParams > totalParams) {
            throw new InvalidInputException("largestLayerParams", "The largest layer cannot hold more parameters ("
                    + String.format(Locale.ROOT, "%,d", largestLayerParams) + ") than the whole model.");
        }
        long gpus = s.totalGpus();
        int perNode = s.gpusPerNode();
        double f = s.bufferFactor();
        double gpusFactor = 1.0 / s.nodes();
        long largest = 4 * largestLayerParams;
        long shard2 = (long) ((double) (2 * totalParams) / gpus);
        long shard18 = (long) ((double) (18 * totalParams) / gpus);
        return List.of(
                new Row((long) (totalParams * 18 * gpusFactor * f), largest,
                        "offload_param=cpu , offload_optimizer=cpu , zero_init=1"),
                new Row((long) (totalParams * Math.max(4.0 * perNode, 18 * gpusFactor) * f), largest,
                        "offload_param=cpu , offload_optimizer=cpu , zero_init=0"),
                new Row((long) (totalParams * 16 * gpusFactor * f), largest + shard2,
                        "offload_param=none, offload_optimizer=cpu , zero_init=1"),
                new Row((long) (totalParams * Math.max(4.0 * perNode, 16 * gpusFactor) * f), largest + shard2,
                        "offload_param=none, offload_optimizer=cpu , zero_init=0"),
                new Row((long) (largestLayerParams * 4.0 * perNode * f), largest + shard18,
                        "offload_param=none, offload_optimizer=none, zero_init=1"),
                new Row((long) (totalParams * 4.0 * perNode * f), largest + shard18,
                        "offload_param=none, offload_optimizer=none, zero_init=0"));
    }

    private static void checkParameters(long n, String field) {
        if (n < 1 || n > MAX_PARAMETERS) {
            throw new InvalidInputException(field, "A parameter count must be 1 to 5×10^14.");
        }
    }
}
