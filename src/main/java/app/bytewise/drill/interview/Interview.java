package app.bytewise.drill.interview;

import app.bytewise.drill.Question;
import app.bytewise.drill.scenario.StepScenario;
import java.util.List;

/** A drawn interview: its questions, each from another topic where it can be, and one scenario. */
public record Interview(InterviewId id, List<Question> questions, StepScenario scenario) {

    public Interview {
        questions = List.copyOf(questions);
    }
}
