package app.bytewise.ui.estimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one configuration's settings from a shared link ({@code prefix + key} first, then the plain
 * key) and notes every value it cannot use, so a mistyped or outdated link says what it got wrong
 * instead of quietly showing something else.
 */
final class LinkReader {

    private final Map<String, List<String>> query;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    LinkReader(Map<String, List<String>> query, String prefix) {
        this.query = query;
        this.prefix = prefix;
    }

    boolean hasOwn(String key) {
        return query.containsKey(prefix + key);
    }

    Optional<String> text(String key) {
        List<String> values = query.containsKey(prefix + key) ? query.get(prefix + key) : query.get(key);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A whole number, or the fallback with a note when the link's value is not one. */
    int integer(String key, String label, int fallback) {
        Optional<String> raw = text(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get().strip());
        } catch (NumberFormatException notANumber) {
            problems.add(label + ": the link's '" + shown(raw.get()) + "' is not a whole number; " + fallback
                    + " is shown instead.");
            return fallback;
        }
    }

    /** One of {@code values} by its id, or the fallback with a note naming the unknown id. */
    <T> T choice(String key, String label, List<T> values, Function<T, String> id, Function<T, String> name, T fallback) {
        Optional<String> raw = text(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return values.stream().filter(v -> id.apply(v).equalsIgnoreCase(raw.get().strip())).findFirst()
                .orElseGet(() -> {
                    problems.add(label + ": the link's '" + shown(raw.get()) + "' is not one of the choices; "
                            + (fallback == null ? "none is chosen." : name.apply(fallback) + " is shown instead."));
                    return fallback;
                });
    }

    void note(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Link values are shown back to the user: cut to a readable length, control characters dropped. */
    static String shown(String raw) {
        String clean = raw.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
