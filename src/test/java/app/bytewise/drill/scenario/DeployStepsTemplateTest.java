package app.bytewise.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.catalog.CatalogModel;
import java.math.BigDecimal;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FP16-or-INT4 scenario, step by step, on real models and GPUs. */
class DeployStepsTemplateTest {

    private static DrillContext context;
    private static DeployStepsTemplate template;
    private static final ScenarioGrader GRADER = new ScenarioGrader(Grader.DEFAULT);

    @BeforeAll
    static void load() {
        context = DrillContext.load();
        template = new DeployStepsTemplate(context);
    }

    /** The first seed whose scenario is Llama-2-13B on an A10G with 4,096 tokens: the interview classic. */
    private static StepScenario classic() {
        return LongStream.range(0, 400).mapToObj(template::draw)
                .filter(s -> s.premise().contains("Llama-2-13B") && s.premise().contains("A10G")
                        && s.premise().contains("4,096-token")).findFirst().orElseThrow();
    }

    @Test
    void theClassicIsDrawnWithTheEnginesFiguresAndTheLabelsGap() {
        StepScenario s = classic();
        CatalogModel m = context.models().require("llama-2-13b", "model");
        assertThat(s.premise()).contains(String.format("%,d parameters", m.model().parameters()))
                .contains("24 GiB on the label; its driver reports 23,028 MiB");
        assertThat(s.steps()).extracting(ScenarioStep::key).containsExactly("weights", "kvCache", "overhead", "total",
                "verdict");
        // 13,015,864,320 parameters × 2 bytes = 26,031,728,640 bytes = 24.24 GiB.
        Question weights = s.step(0).question();
        assertThat(weights.numeric().orElseThrow().value()).isEqualByComparingTo(BigDecimal.valueOf(2 * m.model().parameters()));
        assertThat(weights.numeric().orElseThrow().expected()).isEqualTo("24.24 GiB");
        assertThat(weights.text()).endsWith("Answer in GiB.");
        // 13B in FP16 needs more than the 22.49 GiB the A10G's driver reports: only INT4 fits.
        Question verdict = s.step(4).question();
        assertThat(verdict.correctOption().orElseThrow().text()).isEqualTo("Only INT4 fits");
    }

    @Test
    void eachMistakeIsNamedAtTheStepWhereItIsMade() {
        StepScenario s = classic();
        // 26.03 (GB) typed where GiB is asked: the weights step.
        ScenarioGrader.StepGrade gb = GRADER.grade(s, 0, "26.03", 1);
        assertThat(gb.grade().misconception()).contains(Misconception.GB_AS_GIB);
        assertThat(gb.step().key()).isEqualTo("weights");
        assertThat(gb.over()).isFalse();
        // Llama-2-13B caches 2 × 40 layers × 40 KV heads × 128 × 4,096 tokens × 2 bytes = 3.125 GiB; half is 1.5625.
        assertThat(s.step(1).question().numeric().orElseThrow().expected()).isEqualTo("3.125 GiB");
        ScenarioGrader.StepGrade kv = GRADER.grade(s, 1, "1.5625 GiB", 1);
        assertThat(kv.grade().misconception()).contains(Misconception.KV_NO_FACTOR_TWO);
        assertThat(kv.step().key()).isEqualTo("kvCache");
        ScenarioGrader.StepGrade total = GRADER.grade(s, 3, StepValues.typed(s.step(3).question(), Misconception.FORGOT_KV_CACHE), 1);
        assertThat(total.grade().misconception()).contains(Misconception.FORGOT_KV_CACHE);
        ScenarioGrader.StepGrade fp16 = GRADER.grade(s, 4, StepValues.optionWith(s.step(4).question(),
                Misconception.WRONG_FORMAT_BYTES), 1);
        assertThat(fp16.grade().correct()).contains(false);
        assertThat(fp16.step().key()).isEqualTo("verdict");
    }

    @Test
    void checkingAgainstTheLabelIsNamedAtTheVerdict() {
        StepScenario s = LongStream.range(0, 400).mapToObj(template::draw).filter(x -> x.step(4).question().options()
                .stream().anyMatch(o -> o.misconception() == Misconception.LABEL_AS_USABLE)).findFirst().orElseThrow();
        ScenarioGrader.StepGrade g = GRADER.grade(s, 4, StepValues.optionWith(s.step(4).question(),
                Misconception.LABEL_AS_USABLE), 1);
        assertThat(g.grade().misconception()).contains(Misconception.LABEL_AS_USABLE);
        assertThat(g.grade().feedback()).contains("GiB label");
    }

    /** A later step is graded against the correct earlier values: the total is their sum, whatever was typed. */
    @Test
    void theTotalIsTheSumOfTheCorrectEarlierValues() {
        StepScenario s = classic();
        BigDecimal sum = s.steps().subList(0, 3).stream().map(x -> x.question().numeric().orElseThrow().value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(s.step(3).question().numeric().orElseThrow().value()).isEqualByComparingTo(sum);
        assertThat(s.step(3).question().text()).contains("correct values");
        assertThat(s.premise()).contains("graded against the correct values of the steps before it");
        ScenarioGrader.StepGrade right = GRADER.grade(s, 3, s.step(3).question().numeric().orElseThrow().expected(), 1);
        assertThat(right.grade().correct()).contains(true);
        assertThat(right.over()).isTrue();
    }

    @Test
    void aFirstMissNeverStatesTheStepsAnswer() {
        StepScenario s = classic();
        String expected = s.step(1).question().numeric().orElseThrow().expected();
        ScenarioGrader.StepGrade miss = GRADER.grade(s, 1, "1.5625 GiB", 1);
        assertThat(miss.over()).isFalse();
        assertThat(miss.grade().feedback()).doesNotContain(expected).doesNotContain("3.125");
        assertThat(GRADER.grade(s, 1, "1.5625 GiB", 2).over()).isTrue();
    }

    @Test
    void theSameSeedDrawsTheSameScenario() {
        assertThat(template.draw(77)).isEqualTo(template.draw(77));
        assertThat(template.draw(77).id().toString()).isEqualTo("deploy-fp16-or-int4.4d");
        assertThat(template.draw(78).premise()).isNotEqualTo(template.draw(77).premise()).isNotNull();
    }

    /** Over many seeds: every step's mistakes are diagnosed as themselves, and every wrong verdict is named. */
    @Test
    void everyStepsMistakesAreDiagnosedAsThemselves() {
        ScenarioContract.check(template, 60);
    }
}
