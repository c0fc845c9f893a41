package app.bytewise.lesson;

import java.util.List;
import java.util.Map;

/**
 * A lesson ready to show: HTML pieces with math marked for KaTeX ({@code .bw-math} elements whose
 * {@code data-tex} holds the LaTeX), interleaved with the live examples to embed between them.
 */
public record RenderedLesson(Lesson lesson, List<Segment> segments, List<String> links) {

    public sealed interface Segment permits Html, LiveExample {
    }

    public record Html(String html) implements Segment {
    }

    /** An {@code estimate} block: the settings the mini-calculator starts from. */
    public record LiveExample(Map<String, String> settings) implements Segment {
    }

    public long mathCount() {
        return segments.stream().filter(s -> s instanceof Html).map(s -> ((Html) s).html())
                .mapToLong(h -> h.split("class=\"bw-math", -1).length - 1).sum();
    }
}
