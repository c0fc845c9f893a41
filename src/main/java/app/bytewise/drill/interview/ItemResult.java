package app.bytewise.drill.interview;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Solution;
import app.bytewise.drill.Topic;
import java.util.Optional;

/**
 * One graded item of the report: a question or a scenario step, what was entered, the answer and
 * the worked solution (the interview is over, so both are shown).
 */
public record ItemResult(String label, Topic topic, String text, String given, Status status, double score,
        String expected, Optional<Misconception> misconception, String feedback, Solution solution) {

    public enum Status { RIGHT, WRONG, UNREADABLE, BLANK }
}
