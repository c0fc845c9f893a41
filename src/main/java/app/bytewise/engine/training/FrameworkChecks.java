package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.framework.DeepSpeedEstimator;
import app.bytewise.engine.training.framework.MegatronArgs;
import app.bytewise.engine.training.framework.MegatronReport;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the frameworks' own estimators print for a training set-up, to compare with a training log:
 * DeepSpeed's {@code estimate_zero2/zero3_model_states_mem_needs_all_cold} tables (data parallelism only) and
 * Megatron-LM's theoretical memory report (mixed-precision Adam on a dense decoder). A framework that does not
 * describe the set-up gives a reason instead of rows.
 *
 * @param largestLayer parameters of the largest tensor, DeepSpeed's largest layer (0 when the model has no tensors)
 */
public record FrameworkChecks(List<DeepSpeedEstimator.Row> zero2, List<DeepSpeedEstimator.Row> zero3,
        long largestLayer, String deepSpeedNote, Optional<MegatronReport> megatron, String megatronNote) {

    public static FrameworkChecks of(TrainingRequest r) {
        Model model = r.model();
        List<DeepSpeedEstimator.Row> zero2 = List.of();
        List<DeepSpeedEstimator.Row> zero3 = List.of();
        long largest = model.hasTensors()
                ? model.tensorGroups().stream().mapToLong(g -> g.first().elements()).max().orElse(0) : 0;
        String deepSpeedNote;
        if ((long) r.tensorParallel() * r.pipelineParallel() > 1) {
            deepSpeedNote = "DeepSpeed's estimators describe data parallelism only; this set-up has tensor or "
                    + "pipeline parallelism.";
        } else if (model.parameters() > DeepSpeedEstimator.MAX_PARAMETERS) {
            deepSpeedNote = "Beyond 5×10^14 parameters DeepSpeed's float arithmetic is no longer exact; no table.";
        } else {
            int perNode = r.zero().perNode(r.dataParallel());
            var setup = DeepSpeedEstimator.Setup.of(perNode, r.dataParallel() / perNode);
            zero2 = DeepSpeedEstimator.zero2(model.parameters(), setup);
            zero3 = largest > 0 ? DeepSpeedEstimator.zero3(model.parameters(), largest, setup) : List.of();
            deepSpeedNote = String.format(java.util.Locale.ROOT, "For %,d GPUs per node × %,d nodes%s. DeepSpeed "
                    + "prints GiB and labels them GB; it counts model states only.", perNode, r.dataParallel() / perNode,
                    largest > 0 ? String.format(java.util.Locale.ROOT, ", largest layer %,d parameters", largest)
                            : "; ZeRO-3's table needs the largest layer, which a bare parameter count lacks");
        }
        Optional<MegatronReport> megatron = Optional.empty();
        String megatronNote;
        if (r.optimizer() != Optimizer.ADAMW_MIXED || r.lora().isPresent() || model.architecture().isEmpty()) {
            megatronNote = "Megatron-LM's report counts full training with mixed-precision Adam of a model with layers.";
        } else if (r.zeroStage() > 1 || r.offload() != Offload.NONE) {
            megatronNote = "Megatron-LM's distributed optimizer shards the optimizer state only (ZeRO stage 0 or 1).";
        } else {
            Architecture a = model.architecture().get();
            try {
                megatron = Optional.of(MegatronReport.of(MegatronArgs.of(a, r.sequenceLength(), r.microBatchSize(),
                        r.tensorParallel(), r.pipelineParallel(),
                        r.virtualStages() > 1 ? OptionalInt.of(r.virtualStages()) : OptionalInt.empty(),
                        r.dataParallel(), r.zeroStage() == 1, r.sequenceParallel(), r.recompute() == Recompute.SELECTIVE,
                        OptionalInt.of(r.microBatches()))));
                megatronNote = "As report_theoretical_memory prints it for the same flags (--use-distributed-optimizer "
                        + "for ZeRO stage 1); its activation formula assumes selective recomputation with sequence "
                        + "parallelism, or none.";
            } catch (InvalidInputException refused) {
                megatronNote = refused.getMessage();
            }
        }
        return new FrameworkChecks(zero2, zero3, largest, deepSpeedNote, megatron, megatronNote);
    }
}
