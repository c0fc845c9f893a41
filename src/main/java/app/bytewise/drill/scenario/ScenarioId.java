package app.bytewise.drill.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drawn scenario's identity, e.g. {@code deploy-fp16-or-int4.7f3a9c}: the template and the seed,
 * so the same id always regenerates the same scenario (stateless grading of a step).
 */
public record ScenarioId(String template, long seed) {

    private static final Pattern FORMAT = Pattern.compile("([a-z0-9-]+)\\.([0-9a-f]{1,16})");

    public static ScenarioId parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a scenario id: " + text);
        }
        return new ScenarioId(m.group(1), Long.parseUnsignedLong(m.group(2), 16));
    }

    @Override
    public String toString() {
        return template + "." + Long.toHexString(seed);
    }
}
