/**
 * The mock interview: a timed set of mixed questions and one multi-step scenario, answered without
 * feedback, then one report per topic with the misconceptions seen and the worked solutions. Pure Java.
 */
package app.bytewise.drill.interview;
