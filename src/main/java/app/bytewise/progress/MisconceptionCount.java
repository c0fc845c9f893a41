package app.bytewise.progress;

import app.bytewise.drill.Misconception;

/** How often a misconception was diagnosed in a learner's wrong answers. */
public record MisconceptionCount(Misconception misconception, long count) {
}
