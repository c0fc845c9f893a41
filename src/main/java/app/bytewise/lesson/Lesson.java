package app.bytewise.lesson;

import app.bytewise.drill.Topic;
import java.util.List;

/** A lesson as written: front matter and the Markdown body. */
public record Lesson(String slug, String title, String summary, Topic topic, int order, List<String> prerequisites, List<String> sources,
        String markdown) {

    public Lesson {
        prerequisites = List.copyOf(prerequisites);
        sources = List.copyOf(sources);
    }
}
