package app.bytewise.drill;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's identity: template, presentation and seed, e.g. {@code kv-cache-gqa.c.7f3a9c}. The
 * same id always regenerates the same question, so quizzes can be replayed.
 */
public record QuestionId(String template, QuestionKind kind, long seed) {

    private static final Pattern FORMAT = Pattern.compile("([a-z0-9-]+)\\.([cn])\\.([0-9a-f]{1,16})");

    public static QuestionId parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a question id: " + text);
        }
        return new QuestionId(m.group(1), QuestionKind.ofCode(m.group(2)), Long.parseUnsignedLong(m.group(3), 16));
    }

    @Override
    public String toString() {
        return template + "." + kind.code() + "." + Long.toHexString(seed);
    }
}
