package app.bytewise.lesson;

import app.bytewise.drill.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a lesson file into its front matter (a small YAML subset, see content/lessons/README.md) and body. */
public final class LessonParser {

    private LessonParser() {
    }

    public static Lesson parse(String source, String text) {
        String[] lines = text.split("\\R", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new IllegalArgumentException(source + ": a lesson starts with '---' front matter");
        }
        String slug = null;
        String title = null;
        String summary = null;
        Topic topic = null;
        int order = 0;
        List<String> prerequisites = List.of();
        List<String> sources = new ArrayList<>();
        int i = 1;
        boolean inSources = false;
        for (; i < lines.length && !lines[i].strip().equals("---"); i++) {
            String line = lines[i];
            if (inSources && line.strip().startsWith("- ")) {
                sources.add(line.strip().substring(2).strip());
                continue;
            }
            inSources = false;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "title" -> title = unquote(value);
                case "summary" -> summary = unquote(value);
                case "slug" -> slug = value;
                case "topic" -> topic = Topic.valueOf(value);
                case "order" -> order = Integer.parseInt(value);
                case "prerequisites" -> prerequisites = value.isEmpty() ? List.of()
                        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                case "sources" -> inSources = true;
                default -> throw new IllegalArgumentException(source + ":" + (i + 1) + ": unknown key '" + key + "'");
            }
        }
        if (i == lines.length) {
            throw new IllegalArgumentException(source + ": the front matter is not closed with '---'");
        }
        if (slug == null || title == null || summary == null || topic == null || sources.isEmpty()) {
            throw new IllegalArgumentException(source + ": front matter needs title, summary, slug, topic and sources");
        }
        String body = String.join("\n", Arrays.copyOfRange(lines, i + 1, lines.length));
        return new Lesson(slug, title, summary, topic, order, prerequisites, sources, body);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
