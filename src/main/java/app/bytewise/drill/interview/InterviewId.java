package app.bytewise.drill.interview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interview's identity, e.g. {@code 8q20m.7f3a9c}: its plan and seed. The same id always draws the
 * same questions and scenario, so a report can be computed from the id and the answers alone.
 */
public record InterviewId(InterviewPlan plan, long seed) {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,2})q([0-9]{1,2})m\\.([0-9a-f]{1,16})");

    /** Throws {@link IllegalArgumentException} for text that is not an id, or an id of a plan not offered. */
    public static InterviewId parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an interview id: " + text);
        }
        return new InterviewId(new InterviewPlan(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                Long.parseUnsignedLong(m.group(3), 16));
    }

    @Override
    public String toString() {
        return plan.questions() + "q" + plan.minutes() + "m." + Long.toHexString(seed);
    }
}
