/**
 * The drill engine: questions generated from engine computations, misconception-based
 * distractors, worked solutions and numeric grading. Pure Java.
 */
package app.bytewise.drill;
