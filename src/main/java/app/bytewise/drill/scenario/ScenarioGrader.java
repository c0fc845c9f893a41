package app.bytewise.drill.scenario;

import app.bytewise.drill.Grade;
import app.bytewise.drill.Grader;

/**
 * Grades one step of a scenario with the drill's {@link Grader}: the step's misconceptions are the
 * mistakes made at that step, so a diagnosis always names the step it happened at. As for a single
 * question, the answer and the step's solution are for once the step is over.
 */
public record ScenarioGrader(Grader grader) {

    /** One graded step: {@code over} when right, or a second readable miss. */
    public record StepGrade(int index, ScenarioStep step, Grade grade, boolean over) {
    }

    public StepGrade grade(StepScenario scenario, int index, String answer, int attempt) {
        ScenarioStep step = scenario.step(index);
        Grade g = grader.grade(step.question(), answer, attempt);
        return new StepGrade(index, step, g, Grader.over(g, attempt));
    }
}
