package app.bytewise.classroom;

import app.bytewise.drill.Misconception;

/** How often a misconception was diagnosed, and in how many students. */
public record MisconceptionCount(Misconception misconception, long answers, long students) {
}
