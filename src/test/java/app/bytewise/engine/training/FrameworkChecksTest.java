package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.framework.DeepSpeedEstimator.Row;
import org.junit.jupiter.api.Test;

/** The framework view of a training set-up prints what the frameworks print for it. */
class FrameworkChecksTest {

    private static final Model LLAMA_3_8B = TestModels.model("meta-llama-3-8b");

    @Test
    void megatronsLineForItsLlama3ExampleScript() {
        // examples/llama/train_llama3_8b_h100_fp8.sh: TP 1, PP 1, 8,192 tokens, micro-batch 1, distributed optimizer
        // on 8 GPUs; Megatron's theoretical_memory_usage.py printed this line for it.
        TrainingRequest r = TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED).withZero(1, 8)
                .withActivations(8192, 1, Recompute.SELECTIVE, true).withParallelism(1, 1, 1, true);
        FrameworkChecks c = FrameworkChecks.of(r);
        assertThat(c.megatron()).isPresent();
        assertThat(c.megatron().get().printed()).isEqualTo("Theoretical memory footprints: weight and optimizer="
                + "57436.90 MB, activation=36936.06 MB, total=94372.97 MB");
    }

    @Test
    void deepSpeedsTablesForTheSameModelAndGpus() {
        FrameworkChecks c = FrameworkChecks.of(TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED).withZero(3, 8));
        assertThat(c.zero2()).hasSize(2);
        assertThat(c.zero3()).hasSize(6);
        // The largest layer is the 128,256 × 4,096 embedding; ZeRO-3 without offload: 4 × it + 18Ψ/8.
        assertThat(c.largestLayer()).isEqualTo(128_256L * 4096);
        Row none = c.zero3().get(4);
        assertThat(none.gpuBytes()).isEqualTo(4 * 128_256L * 4096 + 18 * LLAMA_3_8B.parameters() / 8);
        assertThat(c.deepSpeedNote()).contains("8 GPUs per node × 1 nodes");
    }

    @Test
    void aFrameworkThatDoesNotDescribeTheSetUpSaysWhy() {
        FrameworkChecks c = FrameworkChecks.of(TrainingRequest.of(LLAMA_3_8B, Optimizer.ADAMW_MIXED)
                .withParallelism(2, 1, 1, false).withZero(3, 4));
        assertThat(c.zero2()).isEmpty();
        assertThat(c.deepSpeedNote()).contains("data parallelism only");
        assertThat(c.megatron()).isEmpty();
        assertThat(c.megatronNote()).contains("stage 0 or 1");
        FrameworkChecks moe = FrameworkChecks.of(TrainingRequest.of(TestModels.model("mixtral-8x7b-v0-1"),
                Optimizer.ADAMW_MIXED));
        assertThat(moe.megatron()).isEmpty();
        assertThat(moe.megatronNote()).contains("identical dense layers");
    }
}
