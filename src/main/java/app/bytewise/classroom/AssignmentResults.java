package app.bytewise.classroom;

import java.util.List;

/**
 * An assignment's results. Scores per student count every attempt; the statistics (items, topics,
 * misconceptions) use each student's first attempt, as Moodle's report does by default, since later
 * attempts build on the first. {@code answers} lists every answer of every attempt.
 */
public record AssignmentResults(AssignmentSummary assignment, List<StudentScore> students, List<ItemStats> items,
        List<TopicScore> topics, List<MisconceptionCount> misconceptions, List<AnswerRow> answers) {

    public AssignmentResults {
        students = List.copyOf(students);
        items = List.copyOf(items);
        topics = List.copyOf(topics);
        misconceptions = List.copyOf(misconceptions);
        answers = List.copyOf(answers);
    }
}
