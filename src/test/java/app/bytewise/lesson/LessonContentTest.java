package app.bytewise.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lesson parses, computes all its directives, links only to pages that exist, and cites sources. */
class LessonContentTest {

    private static final ModelCatalog MODELS = ModelCatalog.load();
    private static final GpuCatalog GPUS = GpuCatalog.load();
    private static final LessonLibrary LIBRARY = LessonLibrary.load();
    private static final LessonRenderer RENDERER = new LessonRenderer(new Directives(MODELS, GPUS));
    private static final Set<String> PAGES = Set.of("/drill", "/estimator", "/lab", "/lessons");

    static Stream<Lesson> lessons() {
        return LIBRARY.all().stream();
    }

    @Test
    void allThirteenLessonsAreThereInOrder() {
        assertThat(LessonLibrary.SLUGS).hasSize(13);
        assertThat(LIBRARY.all()).extracting(Lesson::slug).containsExactlyElementsOf(LessonLibrary.SLUGS);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void rendersWithMathALiveExampleAndSources(Lesson lesson) {
        RenderedLesson rendered = RENDERER.render(lesson);
        assertThat(rendered.mathCount()).as(lesson.slug()).isPositive();
        assertThat(rendered.segments()).as(lesson.slug()).anyMatch(s -> s instanceof RenderedLesson.LiveExample);
        assertThat(lesson.sources()).as(lesson.slug()).isNotEmpty();
        long words = lesson.markdown().split("\\s+").length;
        assertThat(words).as(lesson.slug() + " words").isBetween(800L, 2200L);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void linksAndPrerequisitesPointAtRealPages(Lesson lesson) {
        RenderedLesson rendered = RENDERER.render(lesson);
        for (String link : rendered.links()) {
            if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("#")) {
                continue;
            }
            String path = link.split("[?#]")[0];
            boolean lessonLink = path.startsWith("/lessons/") && LIBRARY.find(path.substring(9)).isPresent();
            assertThat(lessonLink || PAGES.contains(path)).as(lesson.slug() + " links to " + link).isTrue();
        }
        lesson.prerequisites().forEach(p -> assertThat(LIBRARY.find(p)).as(lesson.slug() + " needs " + p).isPresent());
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void liveExamplesNameRealModelsAndGpus(Lesson lesson) {
        for (RenderedLesson.Segment s : RENDERER.render(lesson).segments()) {
            if (s instanceof RenderedLesson.LiveExample live) {
                assertThat(MODELS.find(live.settings().getOrDefault("model", "llama-2-7b"))).isPresent();
                if (live.settings().containsKey("gpu")) {
                    assertThat(GPUS.find(live.settings().get("gpu"))).as(lesson.slug()).isPresent();
                }
                if (live.settings().containsKey("weights")) {
                    app.bytewise.engine.format.Formats.parse(live.settings().get("weights"));
                }
            }
        }
    }
}
