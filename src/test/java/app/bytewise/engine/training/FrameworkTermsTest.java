package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import org.junit.jupiter.api.Test;

/**
 * The terms Megatron-LM counts beyond the ZeRO paper and Korthikanti's per-layer table, checked against what
 * Megatron's own {@code theoretical_memory_usage.py} (commit 1bcb3b9) computes for Meta-Llama-3-8B at 8,192
 * tokens (its example script {@code examples/llama/train_llama3_8b_h100_fp8.sh}).
 */
class FrameworkTermsTest {

    private static final Model LLAMA_3_8B = TestModels.model("meta-llama-3-8b");

    @Test
    void theOutputLayerAndLossActivationsBesideTheLayersOwn() {
        MemoryEstimate full = TrainingEstimator.estimate(TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED)
                .withActivations(8192, 1, Recompute.FULL, true));
        // Full recomputation keeps 2·s·b·h per layer: 2 × 8,192 × 4,096 × 32 = 2.15 GB …
        assertThat(full.component("activations")).isEqualTo(2_147_483_648L);
        // … and Megatron adds 4·s·b·h·(1 + V/h) = 4 × 8,192 × (4,096 + 128,256) = 4.34 GB. Megatron's activation
        // total for this script with selective recomputation, 38,730,268,672 bytes, is its layers' 34,359,738,368,
        // the embedding's 33,619,968 and exactly this.
        assertThat(full.component("outputActivations")).isEqualTo(4_336_910_336L);
        assertThat(38_730_268_672L - 34_359_738_368L - 33_619_968L).isEqualTo(4_336_910_336L);
    }

    @Test
    void theFirstPipelineStageCarriesTheEmbeddingAsMegatronCountsIt() {
        PipelineStages stages = PipelineStages.of(LLAMA_3_8B, 4);
        // Megatron printed "Number of parameters in most loaded shard in billions: 2.2702" and "other shards:
        // 1.7449": 6,979,588,096 / 4 layer parameters + 525,336,576 for the embedding.
        assertThat(stages.first()).isEqualTo(1_744_897_024L + 525_336_576L);
        assertThat(stages.last()).isEqualTo(1_744_897_024L + 525_336_576L);
        MemoryEstimate p4 = TrainingEstimator.estimate(TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED)
                .withParallelism(1, 4, 8, false));
        assertThat(p4.component("weights")).isEqualTo(2 * 2_270_233_600L);
        assertThat(p4.component("gradients")).isEqualTo(2 * 2_270_233_600L);
        assertThat(p4.component("optimizer")).isEqualTo(12 * 2_270_233_600L);
        assertThat(p4.steps()).anyMatch(s -> s.key().equals("pipelineStages"));
    }

    @Test
    void tiedEmbeddingsPutACopyOnTheLastStageAndPositionsStayOnTheFirst() {
        Model gpt2 = TestModels.model("gpt2");
        PipelineStages stages = PipelineStages.of(gpt2, 2);
        long wte = 50_257L * 768;
        long wpe = 1024L * 768;
        long layers = Math.ceilDiv(gpt2.parameters() - wte - wpe, 2);
        assertThat(stages.first()).isEqualTo(layers + wte + wpe);
        assertThat(stages.last()).isEqualTo(layers + wte);
    }

    @Test
    void theLastStageHoldsOneMicroBatchButTheLoss() {
        TrainingRequest r = TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED).withParallelism(1, 4, 8, false)
                .withActivations(8192, 1, Recompute.FULL, true);
        var a = LLAMA_3_8B.architecture().orElseThrow();
        // First stage: 8 layers × 4 micro-batches in flight × 2·s·b·h; last: 8 layers × 1 + the output term.
        assertThat(TrainingActivations.firstStage(a, r)).isEqualTo(32L * 2 * 8192 * 4096);
        assertThat(TrainingActivations.lastStage(a, r)).isEqualTo(8L * 2 * 8192 * 4096 + 4_336_910_336L);
        MemoryEstimate e = TrainingEstimator.estimate(r);
        // Same parameters on both ends, so the stage with more activations, the last, sets the figure.
        assertThat(e.component("activations")).isEqualTo(8L * 2 * 8192 * 4096 + 4_336_910_336L);
        assertThat(e.notes()).anyMatch(n -> n.contains("last pipeline stage is the busiest"));
    }

    private static long states(MemoryEstimate e) {
        return e.component("weights") + e.component("gradients") + e.component("optimizer");
    }

    @Test
    void megatronsAccountingIsWhatItsReportPrints() {
        // Megatron printed 60226959360.0 bytes of weights and optimizer for the example (TP 1, PP 1, N_d 8,
        // distributed optimizer: 6 + 12/8 bytes per parameter) and 27242803200.0 with PP 4 and N_d 2.
        TrainingRequest r = TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED).withAccounting(Accounting.MEGATRON);
        assertThat(states(TrainingEstimator.estimate(r.withZero(1, 8)))).isEqualTo(60_226_959_360L);
        assertThat(states(TrainingEstimator.estimate(r.withZero(1, 2).withParallelism(1, 4, 8, false))))
                .isEqualTo(27_242_803_200L);
        // Without the distributed optimizer: 18 bytes per parameter, against the ZeRO paper's 16.
        assertThat(states(TrainingEstimator.estimate(r))).isEqualTo(18 * LLAMA_3_8B.parameters());
        assertThat(states(TrainingEstimator.estimate(r.withAccounting(Accounting.ZERO_PAPER))))
                .isEqualTo(16 * LLAMA_3_8B.parameters());
    }

    @Test
    void deepSpeedsAccountingIsItsEstimatorsRow() {
        Model llama = TestModels.model("llama-2-7b");
        long psi = llama.parameters();
        long largest = 32_000L * 4096; // the embedding
        var setup = app.bytewise.engine.training.framework.DeepSpeedEstimator.Setup.of(8, 1);
        var zero2 = app.bytewise.engine.training.framework.DeepSpeedEstimator.zero2(psi, setup);
        var zero3 = app.bytewise.engine.training.framework.DeepSpeedEstimator.zero3(psi, largest, setup);
        TrainingRequest r = TrainingRequest.of(llama, Optimizer.ADAMW_MIXED).withAccounting(Accounting.DEEPSPEED);
        assertThat(states(TrainingEstimator.estimate(r.withZero(2, 8)))).isEqualTo(zero2.get(1).gpuBytes());
        assertThat(states(TrainingEstimator.estimate(r.withZero(2, 8).withOffload(Offload.OPTIMIZER))))
                .isEqualTo(zero2.get(0).gpuBytes());
        MemoryEstimate s3 = TrainingEstimator.estimate(r.withZero(3, 8));
        assertThat(states(s3) + s3.component("gatheredParameters")).isEqualTo(zero3.get(4).gpuBytes());
        MemoryEstimate s3offload = TrainingEstimator.estimate(r.withZero(3, 8).withOffload(Offload.OPTIMIZER));
        assertThat(states(s3offload) + s3offload.component("gatheredParameters")).isEqualTo(zero3.get(2).gpuBytes());
    }

    @Test
    void aConventionRefusesWhatItDoesNotDescribe() {
        TrainingRequest r = TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingEstimator.estimate(
                r.withAccounting(Accounting.DEEPSPEED).withZero(1, 8)))
                .isInstanceOf(app.bytewise.engine.InvalidInputException.class).hasMessageContaining("stages 2 and 3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingEstimator.estimate(
                r.withAccounting(Accounting.MEGATRON).withZero(3, 8)))
                .isInstanceOf(app.bytewise.engine.InvalidInputException.class).hasMessageContaining("stage 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingEstimator.estimate(
                TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW).withAccounting(Accounting.MEGATRON)))
                .hasMessageContaining("adamw-mixed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.withOffload(Offload.OPTIMIZER))
                .hasMessageContaining("ZeRO stage of 1 or more");
    }
}
