package app.bytewise.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Grader;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.template.DrillContext;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ZeRO training scenario: states, sharded states, per GPU, fits. */
class TrainingStepsTemplateTest {

    private static TrainingStepsTemplate template;
    private static final ScenarioGrader GRADER = new ScenarioGrader(Grader.DEFAULT);

    @BeforeAll
    static void load() {
        template = new TrainingStepsTemplate(DrillContext.load());
    }

    private static long parameters(StepScenario s) {
        Matcher m = Pattern.compile("\\(([0-9,]+) parameters\\)").matcher(s.premise());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void modelStatesAreSixteenBytesAParameterAndTenIsNamed() {
        StepScenario s = template.draw(3);
        long psi = parameters(s);
        assertThat(s.steps()).extracting(ScenarioStep::key).containsExactly("states", "sharded", "perGpu", "verdict");
        assertThat(s.step(0).question().numeric().orElseThrow().value()).isEqualByComparingTo(BigDecimal.valueOf(16 * psi));
        String tenBytes = BigDecimal.valueOf(10 * psi).movePointLeft(9).toPlainString() + " GB";
        ScenarioGrader.StepGrade g = GRADER.grade(s, 0, tenBytes, 1);
        assertThat(g.grade().misconception()).contains(Misconception.ADAM_TEN_BYTES);
        assertThat(g.step().key()).isEqualTo("states");
    }

    @Test
    void theShardedStatesFollowTheStageAndAnotherStageIsNamedThere() {
        StepScenario s = template.draw(5);
        long psi = parameters(s);
        int stage = Integer.parseInt(s.premise().replaceAll(".*ZeRO stage ([123]).*", "$1"));
        int ranks = Integer.parseInt(s.premise().replaceAll(".* on ([0-9]+) data-parallel.*", "$1"));
        // ZeRO §5: stage 1 keeps 4Ψ + 12Ψ/N, stage 2 2Ψ + 14Ψ/N, stage 3 16Ψ/N (exact: Ψ divides evenly or rounds up).
        long expected = switch (stage) {
            case 1 -> 4 * psi + Math.ceilDiv(12 * psi, ranks);
            case 2 -> 2 * psi + Math.ceilDiv(2 * psi, ranks) + Math.ceilDiv(12 * psi, ranks);
            default -> Math.ceilDiv(2 * psi, ranks) * 2 + Math.ceilDiv(12 * psi, ranks);
        };
        assertThat(s.step(1).question().numeric().orElseThrow().value().longValueExact()).isEqualTo(expected);
        ScenarioGrader.StepGrade g = GRADER.grade(s, 1, StepValues.typed(s.step(1).question(), Misconception.WRONG_ZERO_STAGE), 1);
        assertThat(g.grade().misconception()).contains(Misconception.WRONG_ZERO_STAGE);
        assertThat(g.step().key()).isEqualTo("sharded");
        ScenarioGrader.StepGrade o = GRADER.grade(s, 2, StepValues.typed(s.step(2).question(), Misconception.FORGOT_OVERHEAD), 1);
        assertThat(o.grade().misconception()).contains(Misconception.FORGOT_OVERHEAD);
        assertThat(o.step().key()).isEqualTo("perGpu");
    }

    @Test
    void bothVerdictsComeUpAndEachWrongOneIsNamed() {
        java.util.Set<String> verdicts = new java.util.HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            verdicts.add(template.draw(seed).step(3).question().correctOption().orElseThrow().text());
        }
        assertThat(verdicts).containsExactlyInAnyOrder("Yes, it fits on each GPU", "No, it needs more memory");
        ScenarioContract.check(template, 60);
    }

    @Test
    void theSameSeedDrawsTheSameScenario() {
        assertThat(template.draw(11)).isEqualTo(template.draw(11));
    }
}
