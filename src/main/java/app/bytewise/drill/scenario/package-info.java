/**
 * Multi-step scenarios: one interview problem (does a model fit a GPU, does a training run fit its
 * GPUs) broken into steps that are entered and graded one by one with the drill's {@code Grader},
 * each step graded against the correct values of the steps before it. Pure Java.
 */
package app.bytewise.drill.scenario;
