package app.bytewise.drill;

import app.bytewise.engine.Step;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn instance of a numeric template: the question text, the answer, what each misconception
 * would give (in the answer's base unit, in order of preference for distractors), and the steps.
 */
public record Scenario(String text, NumericAnswer answer, Map<Misconception, BigDecimal> wrong, List<Step> steps,
        String takeaway) {

    public Scenario {
        wrong = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wrong));
        steps = List.copyOf(steps);
    }

    /** Builds the misconception map in the order given. */
    public static Map<Misconception, BigDecimal> wrong(Object... pairs) {
        Map<Misconception, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            BigDecimal v = value instanceof BigDecimal b ? b : value instanceof Double d ? BigDecimal.valueOf(d)
                    : BigDecimal.valueOf(((Number) value).longValue());
            map.put((Misconception) pairs[i], v);
        }
        return map;
    }
}
