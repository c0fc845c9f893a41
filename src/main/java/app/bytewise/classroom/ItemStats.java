package app.bytewise.classroom;

import app.bytewise.drill.Topic;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Statistics of one quiz slot over first attempts, as Moodle reports them: facility and
 * discrimination index in percent (see {@link ItemAnalysis}), and the most common wrong answers.
 */
public record ItemStats(int slot, String template, Topic topic, int responses, double facility,
        OptionalDouble discrimination, List<WrongAnswer> commonWrongAnswers) {

    /** A wrong answer (its misconception when diagnosed, else the answer itself) and how many gave it. */
    public record WrongAnswer(String answer, long count) {
    }

    public ItemStats {
        commonWrongAnswers = List.copyOf(commonWrongAnswers);
    }
}
