package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import org.junit.jupiter.api.Test;

/**
 * What the runtimes hold beyond the model states: DeepSpeed's buckets, prefetch window, persistent tensors and
 * offload CPU budget (its code and estimators at commit edaa722), and Megatron's interleaved schedule.
 */
class RuntimeTermsTest {

    private static final Model LLAMA_3_8B = TestModels.model("meta-llama-3-8b");

    private static TrainingRequest deepspeed(int stage) {
        return TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED).withAccounting(Accounting.DEEPSPEED)
                .withZero(stage, 8);
    }

    private static long step(MemoryEstimate e, String key) {
        return e.steps().stream().filter(s -> s.key().equals(key)).findFirst().map(Step::byteCount).orElseThrow().bytes();
    }

    @Test
    void zero3BuffersWithDeepSpeedsDefaults() {
        MemoryEstimate e = TrainingEstimator.estimate(deepspeed(3));
        // reduce_bucket_size 5e8 16-bit elements; a prefetch window of 5e7; 65 norm vectors of 4,096 kept whole.
        assertThat(step(e, "reduceBucket")).isEqualTo(1_000_000_000L);
        assertThat(step(e, "prefetchedParameters")).isEqualTo(100_000_000L);
        assertThat(step(e, "persistentParameters")).isEqualTo(2L * 65 * 4096);
        assertThat(e.component("zeroBuffers")).isEqualTo(1_100_532_480L);
        // Settings a config sets: a 2e8 bucket, no prefetch.
        MemoryEstimate tuned = TrainingEstimator.estimate(deepspeed(3).withZeroSettings(
                new ZeroSettings(200_000_000L, 0, 1_000_000_000L, 100_000L, 0)));
        assertThat(tuned.component("zeroBuffers")).isEqualTo(400_000_000L + 2L * 65 * 4096);
        // Stage 2 holds the bucket only.
        assertThat(TrainingEstimator.estimate(deepspeed(2)).component("zeroBuffers")).isEqualTo(1_000_000_000L);
    }

    @Test
    void offloadCpuMemoryAsDeepSpeedBudgetsIt() {
        // t5-3b's ZeRO-2 row in DeepSpeed's documentation: "127.45GB | offload_optimizer=cpu" on one node of 8.
        TrainingRequest t5 = TrainingRequest.of(Model.ofParameterCount(2_851_000_000L), Optimizer.ADAMW_MIXED)
                .withAccounting(Accounting.DEEPSPEED).withZero(2, 8).withOffload(Offload.OPTIMIZER);
        long cpu = step(TrainingEstimator.estimate(t5), "cpuOffload");
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", cpu / (double) (1L << 30))).isEqualTo("127.45");
        // ZeRO-3 with zero.Init, optimizer offloaded: Ψ × 16 × 1.5 per node; 2 nodes of 4 halve it.
        long psi = LLAMA_3_8B.parameters();
        assertThat(step(TrainingEstimator.estimate(deepspeed(3).withOffload(Offload.OPTIMIZER)), "cpuOffload"))
                .isEqualTo(psi * 24);
        assertThat(step(TrainingEstimator.estimate(deepspeed(3).withOffload(Offload.OPTIMIZER_AND_PARAMS)
                .withZeroSettings(new ZeroSettings(500_000_000L, 50_000_000L, 1_000_000_000L, 100_000L, 4))),
                "cpuOffload")).isEqualTo(psi * 18 * 3 / 4);
        assertThatThrownBy(() -> TrainingEstimator.estimate(deepspeed(3).withOffload(Offload.OPTIMIZER)
                .withZeroSettings(new ZeroSettings(500_000_000L, 50_000_000L, 1_000_000_000L, 100_000L, 3))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("deepspeed.gpus_per_node");
    }

    @Test
    void deepSpeedSettingsNeedDeepSpeedsAccounting() {
        assertThatThrownBy(() -> TrainingEstimator.estimate(TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED)
                .withZero(3, 8).withZeroSettings(new ZeroSettings(1, 1, 1, 1, 0))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("deepspeed");
        assertThatThrownBy(() -> new ZeroSettings(-1, 0, 0, 0, 0)).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("deepspeed.reduce_bucket_size");
    }

    @Test
    void interleavingCostsMegatronsPenaltyOnTheFirstStage() {
        TrainingRequest r = TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED).withParallelism(1, 4, 8, false)
                .withActivations(8192, 1, Recompute.SELECTIVE, true);
        var a = LLAMA_3_8B.architecture().orElseThrow();
        long plain = TrainingActivations.firstStage(a, r);
        // theoretical_memory_usage.py: interleaved_schedule_memory_penalty = 1 + (p − 1)/(p·v) = 1 + 3/8 for v = 2.
        assertThat(TrainingActivations.firstStage(a, r.withInterleaving(2)) * 8).isEqualTo(plain * 11);
        assertThat(TrainingActivations.firstStage(a, r.withInterleaving(4)) * 16).isEqualTo(plain * 19);
        assertThat(TrainingEstimator.estimate(r.withInterleaving(2)).steps()).anyMatch(s -> s.key().equals("activations")
                && s.formula().contains("interleaved"));
        assertThatThrownBy(() -> r.withInterleaving(3)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("32 layers");
        assertThatThrownBy(() -> r.withParallelism(1, 4, 2, false).withInterleaving(2))
                .hasMessageContaining("micro-batches");
    }
}
