package app.bytewise.classroom;

import app.bytewise.drill.Topic;

/** The mean score, in percent, of the answers on one topic. */
public record TopicScore(Topic topic, int answers, double meanPercent) {
}
