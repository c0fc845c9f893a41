package app.bytewise.drill.scenario;

import app.bytewise.drill.Question;

/**
 * One step of a scenario: a short title ("Weights", "Verdict") and the question that grades it (a
 * typed number with its unit, or a choice), whose misconceptions are the mistakes made at this step.
 */
public record ScenarioStep(String key, String title, Question question) {
}
