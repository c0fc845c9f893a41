package app.bytewise.classroom;

import java.util.Map;

/** Quiz settings refused, with a message per field at fault. */
public class InvalidQuizException extends ClassroomException {

    private final Map<String, String> problems;

    public InvalidQuizException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    /** Field name → message, e.g. {@code topics → "Choose at least one topic."}. */
    public Map<String, String> problems() {
        return problems;
    }
}
