package app.bytewise.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The title, explanation and topic of every {@link Misconception}, read once from
 * {@code content/misconceptions/<topic>.md} (format in that folder's README): the file a mistake is
 * in is the topic whose lesson teaches it. Loading fails, naming the line, on an unknown or repeated
 * name, a missing field, or a constant that no file explains.
 */
final class MisconceptionTexts {

    record Text(String title, String explanation, Topic topic) {
    }

    private MisconceptionTexts() {
    }

    static Text of(Misconception m) {
        return Holder.TEXTS.get(m);
    }

    /** Loaded on first use, then never changed. */
    private static final class Holder {
        static final Map<Misconception, Text> TEXTS = load();
    }

    static Map<Misconception, Text> load() {
        Map<Misconception, Text> texts = new EnumMap<>(Misconception.class);
        texts.put(Misconception.WRONG_OPTION, new Text("Picked another option", "See the explanation of this option.", null));
        for (Topic topic : Topic.values()) {
            String name = "content/misconceptions/" + fileName(topic);
            try (InputStream in = MisconceptionTexts.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), topic, texts);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Misconception m : Misconception.values()) {
            if (!texts.containsKey(m)) {
                throw new IllegalStateException("content/misconceptions: no file explains " + m.name());
            }
        }
        return Collections.unmodifiableMap(texts);
    }

    static String fileName(Topic topic) {
        return topic.id() + ".md";
    }

    static void parse(String source, String text, Topic topic, Map<Misconception, Text> into) {
        String[] lines = text.split("\\R");
        Misconception current = null;
        String title = null;
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "## ";
            if (line.startsWith("## ")) {
                if (current != null) {
                    throw new IllegalArgumentException(source + ":" + start + ": " + current.name() + " needs 'title:' and "
                            + "'explanation:'");
                }
                if (i == lines.length) {
                    break;
                }
                String name = line.substring(3).strip();
                try {
                    current = Misconception.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": '" + name + "' is not a constant of "
                            + "Misconception", e);
                }
                if (into.containsKey(current)) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + name + " is explained twice");
                }
                start = i + 1;
                title = null;
            } else if (line.startsWith("title: ") && current != null) {
                title = line.substring(7).strip();
            } else if (line.startsWith("explanation: ") && current != null && title != null) {
                into.put(current, new Text(title, line.substring(13).strip(), topic));
                current = null;
            } else if (!line.isBlank() && current != null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'title: …' then 'explanation: …'");
            }
        }
    }
}
