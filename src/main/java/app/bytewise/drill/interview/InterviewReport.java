package app.bytewise.drill.interview;

import java.util.List;

/** The end of an interview: the score, the blanks, per-topic scores, misconceptions and every item's solution. */
public record InterviewReport(InterviewId id, double points, int items, int blanks, boolean timedOut,
        List<TopicScore> topics, List<MisconceptionSeen> misconceptions, List<ItemResult> results) {

    public InterviewReport {
        topics = List.copyOf(topics);
        misconceptions = List.copyOf(misconceptions);
        results = List.copyOf(results);
    }
}
