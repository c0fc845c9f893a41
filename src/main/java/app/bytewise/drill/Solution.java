package app.bytewise.drill;

import app.bytewise.engine.Step;
import java.util.List;

/** A worked solution: the engine's steps, a one-line takeaway, and the lesson of the question's topic. */
public record Solution(List<Step> steps, String takeaway, String lesson) {

    public Solution {
        steps = List.copyOf(steps);
    }
}
