package app.bytewise.drill.scenario;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Topic;
import java.util.List;

/**
 * A drawn scenario: the premise every step shares and the steps in order. Each step after the first
 * is graded against the correct values of the earlier steps, not against what was typed for them.
 */
public record StepScenario(ScenarioId id, String title, Topic topic, Difficulty difficulty, String premise,
        List<ScenarioStep> steps, String takeaway) {

    public StepScenario {
        steps = List.copyOf(steps);
    }

    public ScenarioStep step(int index) {
        if (index < 0 || index >= steps.size()) {
            throw new IndexOutOfBoundsException("step " + index + " of " + steps.size());
        }
        return steps.get(index);
    }
}
