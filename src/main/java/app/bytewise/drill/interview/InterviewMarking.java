package app.bytewise.drill.interview;

import app.bytewise.drill.Grade;
import app.bytewise.drill.Grader;
import app.bytewise.drill.Lessons;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.Topic;
import app.bytewise.drill.scenario.ScenarioStep;
import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks a finished interview: every answer graded once (first attempt, full credit), a blank as
 * nothing, each scenario step against its own correct value; then the points per topic and the
 * misconceptions in the order they first appeared.
 */
public record InterviewMarking(Grader grader) {

    public InterviewReport report(Interview interview, InterviewAnswers answers, boolean timedOut) {
        Set<String> asked = new LinkedHashSet<>();
        interview.questions().forEach(q -> asked.add(q.id().toString()));
        answers.questions().keySet().stream().filter(id -> !asked.contains(id)).findFirst().ifPresent(id -> {
            throw new InvalidInputException("answers." + id, "This interview has no question '" + id + "'.");
        });
        if (answers.steps().size() > interview.scenario().steps().size()) {
            throw new InvalidInputException("steps", "The scenario has " + interview.scenario().steps().size() + " steps.");
        }
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < interview.questions().size(); i++) {
            Question q = interview.questions().get(i);
            results.add(item("Question " + (i + 1), q, answers.question(q.id().toString())));
        }
        List<ScenarioStep> steps = interview.scenario().steps();
        for (int i = 0; i < steps.size(); i++) {
            results.add(item(interview.scenario().title() + ", step " + (i + 1) + ": " + steps.get(i).title(),
                    steps.get(i).question(), answers.step(i)));
        }
        double points = results.stream().mapToDouble(ItemResult::score).sum();
        int blanks = (int) results.stream().filter(r -> r.status() == ItemResult.Status.BLANK).count();
        return new InterviewReport(interview.id(), points, results.size(), blanks, timedOut, topics(results),
                misconceptions(results), results);
    }

    private ItemResult item(String label, Question q, String given) {
        if (given == null || given.isBlank()) {
            Grade shown = grader.grade(q, "", 1); // only for the expected answer and the solution
            return new ItemResult(label, q.topic(), q.text(), "", ItemResult.Status.BLANK, 0, shown.expected(),
                    java.util.Optional.empty(), "No answer.", q.solution());
        }
        Grade g = grader.grade(q, given, 1);
        ItemResult.Status status = g.correct().isEmpty() ? ItemResult.Status.UNREADABLE
                : g.correct().get() ? ItemResult.Status.RIGHT : ItemResult.Status.WRONG;
        return new ItemResult(label, q.topic(), q.text(), given.strip(), status, g.score(), g.expected(),
                g.misconception().filter(m -> m != Misconception.WRONG_OPTION), g.feedback(), g.solution());
    }

    private static List<TopicScore> topics(List<ItemResult> results) {
        Map<Topic, double[]> byTopic = new EnumMap<>(Topic.class);
        for (ItemResult r : results) {
            double[] sums = byTopic.computeIfAbsent(r.topic(), t -> new double[2]);
            sums[0] += r.score();
            sums[1]++;
        }
        return byTopic.entrySet().stream().map(e -> new TopicScore(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                .toList();
    }

    private static List<MisconceptionSeen> misconceptions(List<ItemResult> results) {
        Map<Misconception, Integer> times = new LinkedHashMap<>();
        Map<Misconception, Set<String>> lessons = new LinkedHashMap<>();
        for (ItemResult r : results) {
            r.misconception().ifPresent(m -> {
                times.merge(m, 1, Integer::sum);
                lessons.computeIfAbsent(m, x -> new LinkedHashSet<>()).add(Lessons.of(r.topic()));
            });
        }
        return times.entrySet().stream().map(e -> new MisconceptionSeen(e.getKey(), e.getValue(),
                List.copyOf(lessons.get(e.getKey())))).toList();
    }
}
