package app.bytewise.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The lessons shipped as {@code content/lessons/NN-<slug>.md}, in teaching order. */
public final class LessonLibrary {

    /** The lessons in teaching order; a file is {@code NN-slug.md} with NN its position from 01. */
    public static final List<String> SLUGS = List.of("precision-formats", "weight-memory", "kv-cache",
            "activations-and-inference", "training-memory", "quantization-methods", "zero", "parallelism",
            "flashattention", "choosing-a-gpu", "rules-of-thumb", "modern-architectures",
            "serving-engines");

    private final List<Lesson> lessons;

    private LessonLibrary(List<Lesson> lessons) {
        this.lessons = List.copyOf(lessons);
    }

    public static LessonLibrary load() {
        List<Lesson> lessons = new ArrayList<>();
        for (int i = 0; i < SLUGS.size(); i++) {
            String name = String.format("content/lessons/%02d-%s.md", i + 1, SLUGS.get(i));
            try (InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    lessons.add(LessonParser.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lessons.sort(Comparator.comparingInt(Lesson::order));
        return new LessonLibrary(lessons);
    }

    public List<Lesson> all() {
        return lessons;
    }

    public Optional<Lesson> find(String slug) {
        return lessons.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }
}
