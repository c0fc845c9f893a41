package app.bytewise.classroom;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The questions of a paper left without an answer, by slot from 0. An answer is blank when it is
 * missing or only white space: what {@link PaperGrading} stores as "(no answer)".
 */
public record Unanswered(List<Integer> slots, int questionCount) {

    public Unanswered {
        slots = List.copyOf(slots);
    }

    /** The blank ones among one answer per question, in order. */
    public static Unanswered in(List<String> answers) {
        return new Unanswered(IntStream.range(0, answers.size()).filter(i -> blank(answers.get(i))).boxed().toList(),
                answers.size());
    }

    static boolean blank(String answer) {
        return answer == null || answer.isBlank();
    }

    public boolean none() {
        return slots.isEmpty();
    }

    /** For example "3 of 10 questions have no answer". */
    public String summary() {
        return slots.size() + " of " + questionCount + (questionCount == 1 ? " question" : " questions")
                + (slots.size() == 1 ? " has" : " have") + " no answer";
    }

    /** The blank questions as numbered on the page (from 1), for example "questions 2, 5 and 7". */
    public String listed() {
        List<String> numbers = slots.stream().map(slot -> Integer.toString(slot + 1)).toList();
        if (numbers.size() == 1) {
            return "question " + numbers.get(0);
        }
        return "questions " + numbers.subList(0, numbers.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + numbers.get(numbers.size() - 1);
    }
}
