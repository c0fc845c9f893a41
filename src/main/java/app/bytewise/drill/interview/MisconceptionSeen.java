package app.bytewise.drill.interview;

import app.bytewise.drill.Misconception;
import java.util.List;

/** A mistake the answers showed, how often, and the lessons of the topics it was made in. */
public record MisconceptionSeen(Misconception misconception, int times, List<String> lessons) {

    public MisconceptionSeen {
        lessons = List.copyOf(lessons);
    }
}
