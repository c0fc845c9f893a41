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
}
