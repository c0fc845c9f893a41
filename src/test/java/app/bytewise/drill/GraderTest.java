package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.template.DrillContext;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GraderTest {

    private static final TemplateCatalog CATALOG = new TemplateCatalog(DrillContext.load());

    /** Llama-2-7B's FP16 weights in GB: 13.476831232. */
    private static Question weightsQuestion() {
        for (long seed = 0; ; seed++) {
            Question q = CATALOG.find("weights-model-gb").orElseThrow().generate(seed, QuestionKind.NUMERIC);
            if (q.text().startsWith("Llama-2-7B ") && q.text().contains("FP16")) {
                return q;
            }
        }
    }

    @Test
    void acceptsTheAnswerInAnyUnitOfTheRightDimension() {
        Question q = weightsQuestion();
        assertThat(Grader.DEFAULT.grade(q, "13.48 GB", 1).correct()).hasValue(true);
        assertThat(Grader.DEFAULT.grade(q, "13.48", 1).correct()).hasValue(true);        // read in GB, the asked unit
        assertThat(Grader.DEFAULT.grade(q, "12.55 GiB", 1).correct()).hasValue(true);    // the same bytes
        assertThat(Grader.DEFAULT.grade(q, "13,477 MB", 1).correct()).hasValue(true);
        assertThat(Grader.DEFAULT.grade(q, "1.3477e10 bytes", 1).correct()).hasValue(true);
    }

    @Test
    void diagnosesGibCalledGbAndTheNominalCount() {
        Question q = weightsQuestion();
        Grade gib = Grader.DEFAULT.grade(q, "12.55 GB", 1);
        assertThat(gib.correct()).hasValue(false);
        assertThat(gib.misconception()).hasValue(Misconception.GIB_AS_GB);
        Grade nominal = Grader.DEFAULT.grade(q, "14 GB", 1);
        assertThat(nominal.misconception()).hasValue(Misconception.NOMINAL_PARAMETER_COUNT);
        assertThat(nominal.feedback()).contains("6,738,415,616");
    }

    /**
     * "How many INT8 parameters fit in one NVIDIA T4": nvidia-smi reports 15,360 MiB with ECC on
     * (https://github.com/modal-labs/modal-client/pull/2797), so 16,106,127,360; the 16 GiB label gives
     * 17,179,869,184, and typing that is diagnosed as taking the label for what a process gets.
     */
    @Test
    void diagnosesTheLabelTakenAsUsableMemory() {
        Question q = CATALOG.find("parameters-that-fit").orElseThrow().generate(7, QuestionKind.NUMERIC);
        assertThat(q.text()).contains("INT8").contains("NVIDIA T4 (16 GiB on the label; its driver reports 15,360 MiB)");
        assertThat(Grader.DEFAULT.grade(q, "16,106,127,360", 1).correct()).hasValue(true);
        Grade label = Grader.DEFAULT.grade(q, "17,179,869,184", 1);
        assertThat(label.correct()).hasValue(false);
        assertThat(label.misconception()).hasValue(Misconception.LABEL_AS_USABLE);
        assertThat(label.feedback()).startsWith(Misconception.LABEL_AS_USABLE.title()).contains("15,360 MiB");
    }

    @Test
    void wrongUnitCostsThePenaltyAndRetriesEarnPartialCredit() {
        Question q = weightsQuestion();
        Grade wrongUnit = Grader.DEFAULT.grade(q, "13.48 GB/s", 1);
        assertThat(wrongUnit.correct()).hasValue(true);
        assertThat(wrongUnit.score()).isEqualTo(0.75);
        assertThat(Grader.DEFAULT.grade(q, "13.48 GB", 2).score()).isEqualTo(0.5);
        assertThat(new Grader(0.5, 0.25).grade(q, "13.48 GB", 3).score()).isEqualTo(0.25);
    }

    @Test
    void unreadableAnswersAreNotMarkedWrong() {
        Grade g = Grader.DEFAULT.grade(weightsQuestion(), "thirteen gigs", 1);
        assertThat(g.correct()).isEmpty();
        assertThat(g.score()).isZero();
        assertThat(g.feedback()).contains("does not start with a number");
    }

    /**
     * A number past the parser's bounds is unreadable, not wrong: no attempt is spent, and grading it
     * costs no exact arithmetic on ten million digits (which took 40 s of CPU per grading).
     */
    @Test
    void hugeExponentsAreUnreadableNotWrong() {
        for (String typed : new String[] {"1e10000000 GB", "1e999", "-1e999", "9".repeat(5000) + " GB"}) {
            Grade g = Grader.DEFAULT.grade(weightsQuestion(), typed, 1);
            assertThat(g.correct()).as(typed).isEmpty();
            assertThat(g.score()).isZero();
            assertThat(g.misconception()).isEmpty();
        }
    }

    @Test
    void toleranceKinds() {
        assertThat(Tolerance.relative("0.02").accepts(new BigDecimal("100"), new BigDecimal("101.9"))).isTrue();
        assertThat(Tolerance.relative("0.02").accepts(new BigDecimal("100"), new BigDecimal("102.1"))).isFalse();
        assertThat(Tolerance.absolute("0.5").accepts(new BigDecimal("10"), new BigDecimal("10.5"))).isTrue();
        assertThat(Tolerance.geometric("3").accepts(new BigDecimal("1e9"), new BigDecimal("2.9e9"))).isTrue();
        assertThat(Tolerance.geometric("3").accepts(new BigDecimal("1e9"), new BigDecimal("3.1e8"))).isFalse();
        assertThat(Tolerance.EXACT.accepts(new BigDecimal("6738415616"), new BigDecimal("6738415617"))).isFalse();
    }
}
