package app.bytewise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrongTurnsTest {

    private static Step step(String key) {
        return new Step(key, key, "", List.of(), java.math.BigDecimal.ONE, "bytes", "");
    }

    @Test
    void eachMistakeSitsAtTheStepWhoseQuantityItGetsWrong() {
        List<Step> steps = List.of(step("parameters"), step("weights"), step("kvCache"), step("overhead"), step("total"));
        Map<Integer, List<Misconception>> placed = WrongTurns.place(steps, List.of(Misconception.KV_NO_FACTOR_TWO,
                Misconception.GIB_AS_GB, Misconception.BITS_AS_BYTES, Misconception.NOMINAL_PARAMETER_COUNT,
                Misconception.FORGOT_OVERHEAD, Misconception.FORGOT_KV_CACHE));
        assertThat(placed).containsEntry(0, List.of(Misconception.NOMINAL_PARAMETER_COUNT))
                .containsEntry(1, List.of(Misconception.BITS_AS_BYTES))
                .containsEntry(2, List.of(Misconception.KV_NO_FACTOR_TWO))
                .containsEntry(3, List.of(Misconception.FORGOT_OVERHEAD))
                .containsEntry(4, List.of(Misconception.GIB_AS_GB, Misconception.FORGOT_KV_CACHE));
    }

    @Test
    void aMistakeWhoseStepIsMissingFallsToTheLastStep() {
        Map<Integer, List<Misconception>> placed = WrongTurns.place(List.of(step("weights"), step("total")),
                List.of(Misconception.ADAM_TEN_BYTES));
        assertThat(placed).containsExactly(Map.entry(1, List.of(Misconception.ADAM_TEN_BYTES)));
        assertThat(WrongTurns.place(List.of(), List.of(Misconception.ADAM_TEN_BYTES))).isEmpty();
    }

    /** Over every template: no distractor's mistake is lost, whatever step names the template uses. */
    @Test
    void everyGeneratedQuestionPlacesEveryDistractor() {
        TemplateCatalog catalog = new TemplateCatalog(DrillContext.load());
        for (QuestionTemplate t : catalog.all()) {
            Question q = t.generate(7, QuestionKind.CHOICE);
            Map<Integer, List<Misconception>> placed = WrongTurns.place(q.solution().steps(), q.distractors().keySet());
            int count = placed.values().stream().mapToInt(List::size).sum();
            assertThat(count).as(t.id()).isEqualTo(q.solution().steps().isEmpty() ? 0 : q.distractors().size());
        }
    }
}
