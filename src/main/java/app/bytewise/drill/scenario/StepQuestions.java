package app.bytewise.drill.scenario;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Lessons;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Solution;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.engine.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Builds the question behind each step. A numeric step goes through {@link NumericTemplate}, so its
 * distractors are filtered, its GB/GiB mix-up added and its text closed with the unit exactly as for
 * every drill question; a choice step lists its options in the order given, lettered A, B, C.
 */
final class StepQuestions {

    private static final String[] LETTERS = {"A", "B", "C", "D"};

    private StepQuestions() {
    }

    /** A verdict's option before lettering: the misconception is null for the right one. */
    record Choice(String text, Misconception misconception, String explanation) {
    }

    static Question numeric(ScenarioId id, int index, Topic topic, Difficulty difficulty, Scenario step) {
        return new FixedStep(new TemplateKey(stepId(id, index), topic, difficulty), step)
                .generate(id.seed(), QuestionKind.NUMERIC);
    }

    static Question choice(ScenarioId id, int index, Topic topic, Difficulty difficulty, String text,
            List<Choice> choices, List<Step> steps, String takeaway) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            options.add(new Option(LETTERS[i], c.text(), c.misconception() == null, c.misconception(), c.explanation()));
        }
        return new Question(new QuestionId(stepId(id, index), QuestionKind.CHOICE, id.seed()), topic, difficulty,
                QuestionKind.CHOICE, text, options, Optional.empty(), Map.<Misconception, BigDecimal>of(),
                new Solution(steps, takeaway, Lessons.of(topic)));
    }

    private static String stepId(ScenarioId id, int index) {
        return id.template() + "-step-" + (index + 1);
    }

    /** One step's computation as a template that always draws it. */
    private static final class FixedStep extends NumericTemplate {

        private final Scenario step;

        FixedStep(TemplateKey key, Scenario step) {
            super(key);
            this.step = step;
        }

        @Override
        protected Scenario scenario(SplittableRandom random) {
            return step;
        }
    }
}
