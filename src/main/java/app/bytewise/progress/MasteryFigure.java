package app.bytewise.progress;

import app.bytewise.drill.Topic;

/**
 * A topic's mastery for display.
 *
 * @param mastery 0 to 1, the expected score on a hard question (see {@link EloMastery})
 * @param attempts graded answers behind the figure; 0 means not practised yet
 */
public record MasteryFigure(Topic topic, double mastery, double rating, int attempts) {
}
