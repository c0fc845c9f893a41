package app.bytewise.drill.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.TemplateCatalog;
import app.bytewise.drill.WrongTurns;
import app.bytewise.engine.Step;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capacity questions are set and answered on the memory the driver reports, not the label. Driver
 * totals (nvidia-smi with the default ECC setting), as sourced in catalog/gpus.json:
 * T4 15,360 MiB (https://github.com/modal-labs/modal-client/pull/2797), L4 23,034 MiB
 * (https://github.com/speaches-ai/speaches/pull/438), A10G 23,028 MiB (https://github.com/NVIDIA/DCGM/issues/232),
 * L40S 46,068 MiB (https://github.com/akash-network/provider-configs/pull/99). Parameter counts are the
 * models' published safetensors totals.
 */
class UsableMemoryQuestionsTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private static Question numeric(String template, long seed) {
        return CATALOG.find(template).orElseThrow().generate(seed, QuestionKind.NUMERIC);
    }

    private static BigDecimal answer(Question q) {
        return q.numeric().orElseThrow().value();
    }

    private static BigDecimal labelAnswer(Question q) {
        return q.distractors().get(Misconception.LABEL_AS_USABLE);
    }

    /** The first step states the usable figure and, in its note, where it was read. */
    private static void startsFromTheDriverTotal(Question q, long driverMiB, String source) {
        Step usable = q.solution().steps().get(0);
        assertThat(usable.key()).isEqualTo("usable");
        assertThat(usable.name()).isEqualTo("Usable memory");
        assertThat(usable.result()).isEqualByComparingTo(BigDecimal.valueOf(driverMiB * MIB));
        assertThat(usable.note()).contains(source);
        assertThat(WrongTurns.place(q.solution().steps(), List.of(Misconception.LABEL_AS_USABLE)))
                .containsEntry(0, List.of(Misconception.LABEL_AS_USABLE));
    }

    @Test
    void memoryLeftAfterTheWeightsIsCountedFromTheL40sDriverTotal() {
        Question q = numeric("memory-left-after-weights", 7);
        assertThat(q.text()).startsWith("Meta-Llama-3-8B (8,030,261,248 parameters)")
                .contains("one NVIDIA L40S (48 GiB on the label; its driver reports 46,068 MiB)");
        long weights = 2 * 8_030_261_248L;                       // 16,060,522,496 bytes in FP16
        assertThat(answer(q)).isEqualByComparingTo(BigDecimal.valueOf(46_068 * MIB - weights)); // 32,245,276,672
        assertThat(q.numeric().orElseThrow().expected()).isEqualTo("30.03 GiB");
        assertThat(labelAnswer(q)).isEqualByComparingTo(BigDecimal.valueOf(48 * GIB - weights)); // 33.04 GiB
        // The weights' GB figure (16.06) subtracted as GiB: 46,068 MiB − 16,060,522,496 × 2^30 / 10^9 bytes.
        assertThat(q.distractors().get(Misconception.GIB_AS_GB)).isEqualByComparingTo(BigDecimal.valueOf(31_060_944_449L));
        startsFromTheDriverTotal(q, 46_068, "nvidia-smi, ECC on");
    }

    @Test
    void parametersThatFitATeslaT4AreItsDriverBytes() {
        Question q = numeric("parameters-that-fit", 7);
        assertThat(q.text()).contains("stored in INT8").contains("one NVIDIA T4 (16 GiB on the label; its driver reports 15,360 MiB)");
        assertThat(answer(q)).isEqualByComparingTo(BigDecimal.valueOf(15_360 * MIB));        // 16,106,127,360 at 1 byte each
        assertThat(labelAnswer(q)).isEqualByComparingTo(BigDecimal.valueOf(16 * GIB));        // 17,179,869,184
        assertThat(q.distractors().get(Misconception.GB_AS_GIB)).isEqualByComparingTo(BigDecimal.valueOf(15_360_000_000L));
        startsFromTheDriverTotal(q, 15_360, "nvidia-smi with ECC on");
    }

    @Test
    void llama405bNeeds34A10gsNot32() {
        Question q = numeric("minimum-gpus-for-weights", 26);
        assertThat(q.text()).startsWith("Llama-3.1-405B in FP16")
                .contains("NVIDIA A10G (AWS) GPUs (24 GiB on the label; its driver reports 23,028 MiB)");
        long weights = 2 * 405_853_388_800L;                                  // 811,706,777,600 bytes
        assertThat(answer(q)).isEqualByComparingTo(BigDecimal.valueOf(Math.ceilDiv(weights, 23_028 * MIB))).isEqualByComparingTo("34");
        assertThat(labelAnswer(q)).isEqualByComparingTo(BigDecimal.valueOf(Math.ceilDiv(weights, 24 * GIB))).isEqualByComparingTo("32");
        assertThat(q.solution().steps()).extracting(Step::key).containsExactly("weights", "usable", "gpus");
    }

    @Test
    void longestContextOnAnL4() {
        Question q = numeric("longest-context-on-gpu", 23);
        assertThat(q.text()).startsWith("Llama-2-7B in FP16")
                .contains("one NVIDIA L4 (24 GiB on the label; its driver reports 23,034 MiB) with a batch of 4");
        // Weights 2 × 6,738,415,616; 1 GiB overhead; KV 2 × 32 layers × 4,096 × 2 bytes = 524,288 per token and sequence.
        long free = 23_034 * MIB - 2 * 6_738_415_616L - GIB;
        assertThat(answer(q)).isEqualByComparingTo(BigDecimal.valueOf(free / (4 * 524_288L))).isEqualByComparingTo("4578");
        assertThat(labelAnswer(q)).isEqualByComparingTo(BigDecimal.valueOf((24 * GIB - 2 * 6_738_415_616L - GIB) / (4 * 524_288L)))
                .isEqualByComparingTo("5349");
        startsFromTheDriverTotal(q, 23_034, "nvidia-smi, ECC on");
    }

    @Test
    void largestBatchOnAnL40s() {
        Question q = numeric("largest-batch-on-gpu", 18);
        assertThat(q.text()).startsWith("Llama-2-13B in FP16")
                .contains("one NVIDIA L40S (48 GiB on the label; its driver reports 46,068 MiB)").contains("4,096 tokens");
        // Weights 2 × 13,015,864,320; KV 2 × 40 layers × 5,120 × 2 bytes × 4,096 tokens = 3,355,443,200 per sequence.
        long perSequence = 2L * 40 * 5_120 * 2 * 4_096;
        long taken = 2 * 13_015_864_320L + GIB;
        assertThat(answer(q)).isEqualByComparingTo(BigDecimal.valueOf((46_068 * MIB - taken) / perSequence)).isEqualByComparingTo("6");
        assertThat(labelAnswer(q)).isEqualByComparingTo(BigDecimal.valueOf((48 * GIB - taken) / perSequence)).isEqualByComparingTo("7");
        startsFromTheDriverTotal(q, 46_068, "nvidia-smi, ECC on");
    }

    @Test
    void zero3GpusGetHalfOfWhatTheDriverReports() {
        Question q = numeric("zero3-minimum-gpus", 28);
        assertThat(q.text()).contains("gemma-2-9b (9,241,705,984 parameters)")
                .contains("NVIDIA L40S GPUs (48 GiB on the label; its driver reports 46,068 MiB)");
        long states = 16 * 9_241_705_984L;                                   // mixed-precision AdamW, 16 bytes each
        assertThat(answer(q)).isEqualByComparingTo(BigDecimal.valueOf(Math.ceilDiv(states, 46_068 * MIB / 2))).isEqualByComparingTo("7");
        assertThat(labelAnswer(q)).isEqualByComparingTo(BigDecimal.valueOf(Math.ceilDiv(states, 48 * GIB / 2))).isEqualByComparingTo("6");
        startsFromTheDriverTotal(q, 46_068, "nvidia-smi, ECC on");
    }

    /**
     * Mistral-7B-v0.1 in FP16 at 4K on a T4: weights 2 × 7,241,732,096, KV cache 0.5 GiB and 1 GiB of
     * overhead already take 16,094,076,928 of the 16,106,127,360 bytes nvidia-smi reports; prefill
     * activations push it over, though it would fit the 16 GiB label. INT8 is the answer.
     */
    @Test
    void deployOnAT4NamesTheLabelMistake() {
        Question q = CATALOG.find("deploy-which-precision").orElseThrow().generate(28, QuestionKind.CHOICE);
        assertThat(q.text()).contains("deploy Mistral-7B-v0.1 on one NVIDIA T4 (16 GiB on the label; its driver reports 15,360 MiB)")
                .contains("4,096-token");
        Option fp16 = q.options().stream().filter(o -> o.text().equals("FP16")).findFirst().orElseThrow();
        assertThat(fp16.correct()).isFalse();
        assertThat(fp16.misconception()).isEqualTo(Misconception.LABEL_AS_USABLE);
        assertThat(fp16.explanation()).contains("15.00 GiB) the driver reports: does not fit").contains("16 GiB label");
        assertThat(q.correctOption().orElseThrow().text()).isEqualTo("INT8");
        startsFromTheDriverTotal(q, 15_360, "nvidia-smi with ECC on");
    }

    @Test
    void aCardWithoutAPublishedDriverTotalSaysTheLabelIsUsed() {
        var mi325x = DrillContext.load().gpus().require("mi325x", "gpu");
        assertThat(UsableMemory.phrase(mi325x)).isEqualTo("256 GiB on the label; no driver total is published, so the label is used");
        assertThat(UsableMemory.step(mi325x).result()).isEqualByComparingTo(BigDecimal.valueOf(256 * GIB));
    }
}
