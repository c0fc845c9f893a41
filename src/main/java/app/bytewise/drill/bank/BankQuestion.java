package app.bytewise.drill.bank;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Topic;
import java.util.List;

/** A conceptual question as written in {@code content/questions}: options with why each is right or wrong. */
public record BankQuestion(String id, Topic topic, Difficulty difficulty, String question, List<BankOption> options,
        String takeaway, String source) {

    public record BankOption(String text, boolean correct, String why) {
    }
}
