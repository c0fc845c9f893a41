package app.bytewise.drill.scenario;

import app.bytewise.drill.Topic;

/** A family of multi-step scenarios, drawn anew for every seed. A new kind of scenario is one more permitted class. */
public sealed interface ScenarioTemplate permits DeployStepsTemplate, TrainingStepsTemplate {

    String id();

    String title();

    Topic topic();

    StepScenario draw(long seed);
}
