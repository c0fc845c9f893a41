package app.bytewise.drill.scenario;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import java.math.BigDecimal;
import java.math.MathContext;

/** What a learner types for a step: the value a mistake gives, as a bare number in the step's unit. */
final class StepValues {

    private StepValues() {
    }

    static String typed(Question q, Misconception m) {
        BigDecimal base = q.distractors().get(m);
        if (base == null) {
            throw new AssertionError(m + " is not a distractor of " + q.text() + ": " + q.distractors().keySet());
        }
        return base.divide(q.numeric().orElseThrow().unit().factor(), MathContext.DECIMAL64).toPlainString();
    }

    static String optionWith(Question q, Misconception m) {
        return q.options().stream().filter(o -> o.misconception() == m).findFirst().orElseThrow().id();
    }
}
