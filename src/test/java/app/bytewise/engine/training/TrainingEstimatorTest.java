package app.bytewise.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingEstimatorTest {

    /**
     * ZeRO paper, Figure 1: Ψ = 7.5B, N_d = 64, K = 12 gives 120 GB, 31.4 GB, 16.6 GB and 1.9 GB of
     * model states per GPU for the baseline and stages 1–3.
     */
    @ParameterizedTest
    @CsvSource({"0, 120000000000", "1, 31406250000", "2, 16640625000", "3, 1875000000"})
    void zeroPaperFigureOne(int stage, long bytes) {
        TrainingRequest request = TrainingRequest.of(Model.ofParameterCount(7_500_000_000L), Optimizer.ADAMW_MIXED)
                .withZero(stage, 64).withOverhead(0);
        MemoryEstimate estimate = TrainingEstimator.estimate(request);
        long modelStates = estimate.component("weights") + estimate.component("gradients") + estimate.component("optimizer");
        assertThat(modelStates).isEqualTo(bytes);
    }

    @Test
    void mixedPrecisionAdamIsSixteenBytesPerParameterNotTen() {
        Model llama = TestModels.model("llama-2-7b");
        MemoryEstimate estimate = TrainingEstimator.estimate(TrainingRequest.of(llama, Optimizer.ADAMW_MIXED));
        long states = estimate.component("weights") + estimate.component("gradients") + estimate.component("optimizer");
        assertThat(states).isEqualTo(16 * 6_738_415_616L);
        assertThat(estimate.notes()).anyMatch(n -> n.contains("10 bytes per parameter"));
        MemoryEstimate fp32 = TrainingEstimator.estimate(TrainingRequest.of(llama, Optimizer.ADAMW));
        assertThat(fp32.component("weights") + fp32.component("gradients") + fp32.component("optimizer")).isEqualTo(states);
    }

    @Test
    void korthikantiActivationsForASevenBLayerAt4096Tokens() {
        Architecture a = TestModels.model("llama-2-7b").architecture().orElseThrow();
        // s·b·h·(34 + 5·a·s/h) = 4096 · 4096 · (34 + 160) = 3.25 GB per layer; 104 GB for 32 layers.
        assertThat(TrainingActivations.perLayer(a, 4096, 1, 1, false, Recompute.NONE, false)).isEqualTo(3_254_779_904L);
        // Selective recomputation drops the attention core: 34·s·b·h; FlashAttention keeps only its FP32
        // log-sum-exp, 4·a·s·b = 4 × 32 × 4,096 bytes.
        assertThat(TrainingActivations.perLayer(a, 4096, 1, 1, false, Recompute.NONE, true))
                .isEqualTo(570_425_344L + 4 * 32 * 4096);
        assertThat(TrainingActivations.perLayer(a, 4096, 1, 1, false, Recompute.SELECTIVE, false)).isEqualTo(570_425_344L);
        assertThat(TrainingActivations.perLayer(a, 4096, 1, 1, false, Recompute.FULL, false)).isEqualTo(2L * 4096 * 4096);
        // Tensor parallel 8 with sequence parallelism divides everything by t.
        assertThat(TrainingActivations.perLayer(a, 4096, 1, 8, true, Recompute.SELECTIVE, false))
                .isEqualTo(570_425_344L / 8);
        MemoryEstimate eager = TrainingEstimator.estimate(TrainingRequest.of(TestModels.model("llama-2-7b"),
                Optimizer.ADAMW_MIXED).withActivations(4096, 1, Recompute.NONE, false));
        assertThat(eager.component("activations")).isEqualTo(32 * 3_254_779_904L);
    }

    @Test
    void pipelineBubbleHasTwoDefinitions() {
        assertThat(PipelineBubble.gpipe(4, 8)).isEqualByComparingTo(new BigDecimal("0.2727272727272727"));
        assertThat(PipelineBubble.megatron(4, 8)).isEqualByComparingTo("0.375");
    }

    @Test
    void loraTrainsAdaptersOverAFrozenBaseAndQloraStoresTheBaseInNf4() {
        Model llama = TestModels.model("llama-2-7b");
        LoraSpec lora = LoraSpec.of(16, List.of("q_proj", "v_proj"));
        // 32 layers × 2 modules × 16 × (4096 + 4096).
        assertThat(lora.trainableParameters(llama.tensorGroups())).isEqualTo(8_388_608L);
        MemoryEstimate loraBf16 = TrainingEstimator.estimate(
                TrainingRequest.of(llama, Optimizer.ADAMW_MIXED).withLora(lora, Formats.parse("bf16")));
        assertThat(loraBf16.component("weights")).isEqualTo(13_476_831_232L + 2 * 8_388_608L);
        assertThat(loraBf16.component("optimizer")).isEqualTo(12 * 8_388_608L);
        MemoryEstimate qlora = TrainingEstimator.estimate(
                TrainingRequest.of(llama, Optimizer.ADAMW_MIXED).withLora(lora, Formats.parse("nf4-dq")));
        assertThat(qlora.component("weights")).isLessThan(loraBf16.component("weights") / 3);
    }

    @Test
    void offloadMovesStatesToTheCpu() {
        MemoryEstimate offloaded = TrainingEstimator.estimate(TrainingRequest.of(Model.ofParameterCount(1_000_000_000L),
                Optimizer.ADAMW_MIXED).withZero(2, 8).withOffload(Offload.OPTIMIZER));
        assertThat(offloaded.component("optimizer")).isZero();
        assertThat(offloaded.component("gradients")).isZero();
        assertThat(offloaded.component("weights")).isEqualTo(2_000_000_000L);
        assertThat(offloaded.step("cpuOffload").byteCount().bytes()).isEqualTo(14_000_000_000L);
    }

    @Test
    void eightBitAdamKeepsTwoAbsmaxPer256ValuesAndSmallTensorsInFp32() {
        // bitsandbytes Optimizer2State.init_state: uint8 state1 and state2, FP32 absmax1 and absmax2 per block of
        // 256; a tensor under min_8bit_size = 4,096 elements gets FP32 state1 and state2. Plus the FP32 master copy.
        var matrix = app.bytewise.engine.model.Tensor.matrix("w", app.bytewise.engine.model.TensorRole.ATTN_Q, 0, 64, 64);
        var norm = app.bytewise.engine.model.Tensor.vector("n", app.bytewise.engine.model.TensorRole.NORM, 0, 4095);
        assertThat(Optimizer.ADAMW_8BIT.stateBytes(matrix)).isEqualTo(4 * 4096 + 2 * 4096 + 2 * 4 * 16);
        assertThat(Optimizer.ADAMW_8BIT.stateBytes(norm)).isEqualTo(4 * 4095 + 8 * 4095);
        // Llama-2-7B: 6,738,415,616 parameters, of which 65 norm vectors of 4,096 are not under 4,096: all 8-bit,
        // and every tensor a whole number of blocks, so 6 bytes + 8/256 per parameter.
        Model llama = TestModels.model("llama-2-7b");
        long n = llama.parameters();
        assertThat(TrainingEstimator.estimate(TrainingRequest.of(llama, Optimizer.ADAMW_8BIT)).component("optimizer"))
                .isEqualTo(6 * n + n / 32);
    }

    @Test
    void adafactorFactorsTheSecondMoment() {
        Model llama = TestModels.model("llama-2-7b");
        MemoryEstimate estimate = TrainingEstimator.estimate(TrainingRequest.of(llama, Optimizer.ADAFACTOR));
        assertThat(estimate.component("optimizer")).isLessThan(llama.parameters() / 100);
        assertThatThrownBy(() -> TrainingEstimator.estimate(
                TrainingRequest.of(Model.ofParameterCount(1000), Optimizer.ADAFACTOR)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void parallelismIsValidatedAgainstTheArchitecture() {
        Model llama = TestModels.model("llama-2-7b");
        assertThatThrownBy(() -> TrainingRequest.of(llama, Optimizer.ADAMW_MIXED).withParallelism(3, 1, 1, false))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("tensorParallel"));
        assertThatThrownBy(() -> TrainingRequest.of(llama, Optimizer.ADAMW_MIXED).withZero(4, 8))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("zeroStage"));
    }
}
