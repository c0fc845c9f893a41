package app.bytewise.progress;

import app.bytewise.drill.Topic;
import java.time.Instant;

/** A template due for review. */
public record DueReview(String templateId, Topic topic, Instant due) {
}
