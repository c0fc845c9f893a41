package app.bytewise.drill.interview;

import app.bytewise.drill.Topic;

/** A topic's share of the report: points earned over the items asked about it (one point each). */
public record TopicScore(Topic topic, double points, int items) {
}
