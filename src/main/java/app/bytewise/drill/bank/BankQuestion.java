package app.bytewise.drill.bank;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Topic;
import java.util.List;

/**
 * A conceptual question as written in {@code content/questions}: options with why each is right or wrong,
 * and for each wrong one the named mistake it comes from.
 */
public record BankQuestion(String id, Topic topic, Difficulty difficulty, String question, List<BankOption> options,
        String takeaway, String source) {

    /** {@code misconception} is null exactly for the correct option. */
    public record BankOption(String text, boolean correct, String why, Misconception misconception) {
    }
}
