package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.engine.training.framework.DeepSpeedEstimator;
import java.util.List;

/**
 * What DeepSpeed's runtime holds beyond its estimator's model states, and its estimator's CPU budget for
 * offload, for the training estimate under {@link Accounting#DEEPSPEED} (DeepSpeed commit edaa722):
 * <ul>
 *   <li>the gradient bucket, {@code reduce_bucket_size} 16-bit elements on every GPU (stages 2 and 3, with
 *       {@code contiguous_gradients}, on by default; {@code overlap_comm}, a second buffer below stage 3, is off
 *       by default there and not modelled);</li>
 *   <li>at stage 3, parameters prefetched ahead of the module in use, at most {@code stage3_prefetch_bucket_size}
 *       per fetch within {@code stage3_max_live_parameters}, in 16 bits;</li>
 *   <li>at stage 3, persistent parameters: every tensor of at most {@code stage3_param_persistence_threshold}
 *       elements stays gathered whole (norms, biases);</li>
 *   <li>with offload, the CPU memory DeepSpeed's estimators budget per node, {@code additional_buffer_factor} 1.5
 *       included ({@link DeepSpeedEstimator}, zero.Init on at stage 3).</li>
 * </ul>
 */
final class DeepSpeedTerms {

    private DeepSpeedTerms() {
    }

    /** The buffers' bytes per GPU, each added as a step. */
    static long buffers(Model model, TrainingRequest r, List<Step> steps) {
        ZeroSettings z = r.zero();
        long reduce = Math.multiplyExact(2, z.reduceBucketSize());
        steps.add(Step.bytes("reduceBucket", "Gradient bucket (DeepSpeed)", "2 bytes × reduce_bucket_size",
                List.of(Input.of("reduce_bucket_size", z.reduceBucketSize(), "elements")), reduce,
                "Gradients are copied into one contiguous 16-bit buffer before each reduce-scatter "
                        + "(contiguous_gradients, DeepSpeed's default)."));
        if (r.zeroStage() < 3) {
            return reduce;
        }
        long ahead = Math.min(Math.min(z.prefetchBucketSize(), z.maxLiveParameters()), model.parameters());
        steps.add(Step.bytes("prefetchedParameters", "Parameters prefetched ahead (ZeRO-3)",
                "2 bytes × min(stage3_prefetch_bucket_size, stage3_max_live_parameters)",
                List.of(Input.of("stage3_prefetch_bucket_size", z.prefetchBucketSize(), "elements"),
                        Input.of("stage3_max_live_parameters", z.maxLiveParameters(), "elements")), 2 * ahead,
                "Gathered while the module before them runs. The live parameters may reach stage3_max_live_parameters "
                        + "when releases lag behind prefetches; the steady state is one prefetch window."));
        long persistent = persistentParameters(model, z.paramPersistenceThreshold());
        steps.add(Step.bytes("persistentParameters", "Small tensors kept gathered (ZeRO-3)",
                "2 bytes × Σ tensors of ≤ stage3_param_persistence_threshold elements",
                List.of(Input.of("stage3_param_persistence_threshold", z.paramPersistenceThreshold(), "elements"),
                        Input.of("persistent parameters", persistent, "")), 2 * persistent,
                "DeepSpeed never partitions these away (mark_persistent_parameters): gathering them would cost more "
                        + "than holding them."));
        return Math.addExact(Math.addExact(reduce, 2 * ahead), 2 * persistent);
    }

    private static long persistentParameters(Model model, long threshold) {
        if (!model.hasTensors()) {
            throw new InvalidInputException("accounting", "DeepSpeed keeps small tensors gathered at ZeRO-3; a bare "
                    + "parameter count has no tensors: choose a model with its tensors, or another accounting.");
        }
        long sum = 0;
        for (TensorGroup g : model.tensorGroups()) {
            if (g.first().elements() <= threshold) {
                sum = Math.addExact(sum, Math.multiplyExact(g.first().elements(), g.copies()));
            }
        }
        return sum;
    }

    /** DeepSpeed's CPU budget for the offloaded states, per node. */
    static Step cpuStep(TrainingRequest r, java.util.function.LongSupplier largestTensor) {
        long psi = r.model().parameters();
        int perNode = r.zero().perNode(r.dataParallel());
        int nodes = r.dataParallel() / perNode;
        DeepSpeedEstimator.Setup setup = DeepSpeedEstimator.Setup.of(perNode, nodes);
        boolean params = r.offload() == Offload.OPTIMIZER_AND_PARAMS;
        long cpu;
        String formula;
        if (r.zeroStage() == 3) {
            List<DeepSpeedEstimator.Row> rows = DeepSpeedEstimator.zero3(psi, largestTensor.getAsLong(), setup);
            cpu = rows.get(params ? 0 : 2).cpuBytes();
            formula = "Ψ × " + (params ? 18 : 16) + " / nodes × 1.5";
        } else {
            cpu = DeepSpeedEstimator.zero2(psi, setup).get(0).cpuBytes();
            formula = "Ψ × max(4 × GPUs, 16) × 1.5";
        }
        return Step.bytes("cpuOffload", "CPU memory per node (DeepSpeed's estimate)", formula,
                List.of(Input.of("Ψ", psi, "parameters"), Input.of("GPUs per node", perNode, ""),
                        Input.of("nodes", nodes, "")), cpu,
                "DeepSpeed's estimate_zero" + (r.zeroStage() == 3 ? "3" : "2") + "_model_states_mem_needs with its "
                        + "additional_buffer_factor 1.5" + (r.zeroStage() == 3 ? " and zero.Init" : "")
                        + ": the offloaded FP32 states and pinned buffers of a node's GPUs.");
    }
}
