package app.bytewise.drill.template;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Misconception;
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
    void aCardWithoutAPublishedDriverTotalSaysTheLabelIsUsed() {
        var mi325x = DrillContext.load().gpus().require("mi325x", "gpu");
        assertThat(UsableMemory.phrase(mi325x)).isEqualTo("256 GiB on the label; no driver total is published, so the label is used");
        assertThat(UsableMemory.step(mi325x).result()).isEqualByComparingTo(BigDecimal.valueOf(256 * GIB));
    }
}
