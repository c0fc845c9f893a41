package app.bytewise.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightLayout;
import app.bytewise.engine.format.TensorStorage;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.InferenceResult;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.ModelReader;
import app.bytewise.engine.training.LoraSpec;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * An estimate costs the same however many layers and experts repeat, and what does not fit a
 * 64-bit byte count is a refusal naming the field to change, never an arithmetic crash.
 */
class BoundedEstimateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Gpu A100 = GpuCatalog.load().require("a100-80gb-sxm", "gpu");

    /** 2,048 layers of 4,096 tiny experts each: 25 million tensors, held as a dozen groups. */
    private static final Model MANY_EXPERTS = config("""
            {"model_type": "mixtral", "hidden_size": 64, "num_hidden_layers": 2048, "num_attention_heads": 4,
             "num_key_value_heads": 4, "intermediate_size": 64, "vocab_size": 1000, "num_local_experts": 4096,
             "num_experts_per_tok": 2, "max_position_embeddings": 4096}""");

    private static Model config(String json) {
        return ModelReader.read("test", "test", JSON.readTree(json), "model.config");
    }

    private static void refusedNaming(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }

    @Test
    void twentyFiveMillionExpertTensorsAreCountedExactlyAsAFewGroups() {
        long perExpert = 3L * 64 * 64;
        long perLayer = 2 * 64 + 4L * 64 * 64 + 4096L * 64 + 4096 * perExpert;
        long parameters = 2048 * perLayer + 2L * 1000 * 64 + 64;
        assertThat(MANY_EXPERTS.tensorCount()).isEqualTo(3 + 2048L * (7 + 4096 * 3));
        assertThat(MANY_EXPERTS.tensorGroups()).hasSize(13);
        assertThat(MANY_EXPERTS.parameters()).isEqualTo(parameters);
        assertThat(MANY_EXPERTS.activeParameters()).isEqualTo(parameters - 2048 * 4094 * perExpert);

        InferenceResult inference = InferenceEstimator.estimate(new InferenceRequest(MANY_EXPERTS,
                Formats.parse("gguf:Q4_K_M"), KvFormat.FP16, 4096, 1, true, 0, 0, Optional.of(A100), 1));
        assertThat(InferenceEstimator.memory(InferenceRequest.of(MANY_EXPERTS, Formats.parse("bf16")))
                .component("weights")).isEqualTo(2 * parameters);
        assertThat(inference.memory().component("kvCache")).isEqualTo(2L * 2048 * 64 * 4096 * 2);
        var training = TrainingEstimator.estimate(TrainingRequest.of(MANY_EXPERTS, Optimizer.ADAMW_MIXED));
        assertThat(training.component("optimizer")).isEqualTo(12 * parameters);
    }

    @Test
    void aGgufMixOverManyLayersStoresRunsOfLayersNotEachLayer() {
        Model deep = config("""
                {"model_type": "llama", "hidden_size": 256, "num_hidden_layers": 2048, "num_attention_heads": 4,
                 "intermediate_size": 512, "vocab_size": 1000}""");
        WeightLayout layout = Formats.parse("gguf:Q4_K_M").layout(deep);
        // Sums over the runs are the sums over every tensor one by one.
        assertThat(layout.totalBytes()).isEqualTo(layout.tensors().stream().mapToLong(TensorStorage::bytes).sum());
        assertThat(layout.tensorCount()).isEqualTo(deep.tensorCount()).isEqualTo(3 + 9L * 2048);
        long q6Values = layout.tensors().stream().filter(t -> t.tensor().name().endsWith("v_proj.weight")
                && t.type().equals("Q6_K")).count();
        // use_more_bits: the first and last 256 layers and every third of the 1,536 between.
        assertThat(q6Values).isEqualTo(256 + 256 + 512);
        assertThat(layout.groups().size()).isLessThan(layout.tensors().size() / 8);
    }

    @Test
    void overflowingInferenceNamesTheBatchOrTheContext() {
        Model llama = TestModels.model("llama-2-7b");
        // Eager attention keeps 2·b·heads·s² scores: 10^5 sequences of 10^7 tokens overflow a long, one does not.
        InferenceRequest eager = new InferenceRequest(llama, Formats.parse("fp16"), KvFormat.FP16, 10_000_000, 100_000,
                false, 0, InferenceRequest.DEFAULT_OVERHEAD_BYTES, Optional.empty(), 1);
        refusedNaming("batchSize", () -> InferenceEstimator.estimate(eager));
        refusedNaming("batchSize", () -> InferenceEstimator.memory(eager));
    }

    @Test
    void theCapacitySearchesTreatAnOverflowingProbeAsNotFitting() {
        // At 10M tokens with eager attention, the batch search's first probes (50,000 sequences) overflow a long.
        InferenceResult result = InferenceEstimator.estimate(new InferenceRequest(TestModels.model("llama-2-7b"),
                Formats.parse("fp16"), KvFormat.FP16, 10_000_000, 1, false, 0, InferenceRequest.DEFAULT_OVERHEAD_BYTES,
                Optional.of(A100), 1));
        assertThat(result.memory().fits()).hasValue(false);
        assertThat(result.largestBatch()).isEmpty();
        assertThat(result.longestContext()).isPresent();
    }

    @Test
    void theContextSearchStopsAtTheLongestContextARequestMayAsk() {
        Model longContext = config("""
                {"model_type": "llama", "hidden_size": 256, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "intermediate_size": 512, "vocab_size": 1000, "max_position_embeddings": 100000000}""");
        InferenceResult result = InferenceEstimator.estimate(InferenceRequest.of(longContext, Formats.parse("fp16"))
                .onGpus(A100, 1));
        assertThat(result.longestContext()).hasValue(10_000_000L);
    }

    @Test
    void overflowingTrainingNamesTheFieldToChange() {
        Model manyHeads = config("""
                {"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 2048, "num_attention_heads": 4096,
                 "intermediate_size": 1024, "vocab_size": 1000}""");
        // Eager attention stores 5·a·s²·b bytes of scores per layer: over 2,048 layers of 4,096 heads,
        // one sequence of 10^7 tokens overflows a long; of 10^5 tokens, only 65,536 sequences do.
        refusedNaming("contextLength", () -> TrainingEstimator.estimate(TrainingRequest.of(manyHeads,
                Optimizer.ADAMW_MIXED).withActivations(10_000_000, 1, Recompute.NONE, false)));
        refusedNaming("batchSize", () -> TrainingEstimator.estimate(TrainingRequest.of(manyHeads,
                Optimizer.ADAMW_MIXED).withActivations(100_000, 65_536, Recompute.NONE, false)));
        assertThat(TrainingEstimator.estimate(TrainingRequest.of(manyHeads, Optimizer.ADAMW_MIXED)
                .withActivations(100_000, 1, Recompute.NONE, false)).component("activations"))
                .isEqualTo(2048 * (100_000L * 4096 * 34 + 5L * 4096 * 100_000 * 100_000));
        // 16 PB of model states on each of 2^20 GPUs is more than a long in total.
        Model quadrillion = Model.ofParameterCount(Model.MAX_PARAMETERS);
        refusedNaming("gpus", () -> TrainingEstimator.estimate(TrainingRequest.of(quadrillion, Optimizer.ADAMW_MIXED)
                .withZero(0, 1 << 20)));
        refusedNaming("gpus", () -> TrainingRequest.of(Model.ofParameterCount(1_000_000_000L), Optimizer.ADAMW_MIXED)
                .withZero(0, 1 << 20).withParallelism(1024, 2, 1, false));
        // Rank 4,096 on all 25 million expert matrices: 1.7 × 10^15 adapter parameters.
        Model wideExperts = config("""
                {"model_type": "mixtral", "hidden_size": 16384, "num_hidden_layers": 2048, "num_attention_heads": 4,
                 "intermediate_size": 64, "vocab_size": 1000, "num_local_experts": 4096}""");
        refusedNaming("lora.rank", () -> TrainingEstimator.estimate(TrainingRequest.of(wideExperts, Optimizer.ADAMW_MIXED)
                .withLora(LoraSpec.of(4096, List.of("all-linear")), Formats.parse("bf16"))));
    }

    @Test
    void absurdRequestFieldsAreRefusedAtTheInput() {
        Model llama = TestModels.model("llama-2-7b");
        refusedNaming("overheadBytes", () -> InferenceRequest.of(llama, Formats.parse("bf16")).withOverhead(Long.MAX_VALUE));
        refusedNaming("overheadBytes", () -> TrainingRequest.of(llama, Optimizer.ADAMW_MIXED).withOverhead(Long.MAX_VALUE));
        refusedNaming("model.parameterCount", () -> Model.ofParameterCount(580_000_000_000_000_000L));
        assertThat(InferenceRequest.of(llama, Formats.parse("bf16")).withOverhead(InferenceRequest.MAX_OVERHEAD_BYTES)
                .overheadBytes()).isEqualTo(1L << 40);
    }
}
