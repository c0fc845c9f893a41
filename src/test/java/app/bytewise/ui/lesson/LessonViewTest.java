package app.bytewise.ui.lesson;

import app.bytewise.ui.KaribuTestBase;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.lesson.Lesson;
import app.bytewise.lesson.LessonLibrary;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LessonViewTest extends KaribuTestBase {

    static Stream<Lesson> lessons() {
        return LessonLibrary.load().all().stream();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyLessonRendersWithTitleFormulaLiveExampleAndPractice(Lesson lesson) {
        openAnonymously();
        UI.getCurrent().navigate("lessons/" + lesson.slug());
        expectView(LessonView.class);
        assertThat(_get(H1.class, spec -> spec.withText(lesson.title()))).isNotNull();
        assertThat(_find(Html.class)).anyMatch(h -> h.getInnerHtml().contains("bw-math"));
        assertThat(_find(LiveEstimate.class)).isNotEmpty().allSatisfy(l -> assertThat(l.resultText()).contains("GB"));
        _get(Button.class, spec -> spec.withText("Practice this topic")).click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("drill");
    }

    @Test
    void everyLessonCardSaysWhatTheLessonAnswersWithoutRepeatingItsTitle() {
        openAnonymously();
        UI.getCurrent().navigate("lessons");
        expectView(LessonsView.class);
        List<Paragraph> subtitles = _find(Paragraph.class).stream()
                .filter(p -> p.getParent().filter(RouterLink.class::isInstance).isPresent()).toList();
        List<Lesson> all = LessonLibrary.load().all();
        assertThat(subtitles).extracting(Paragraph::getText).containsExactlyElementsOf(all.stream().map(Lesson::summary).toList());
        for (Lesson lesson : all) {
            assertThat(lesson.summary()).as(lesson.slug()).isNotBlank().doesNotContainIgnoringCase(lesson.title())
                    .doesNotContainIgnoringCase(lesson.topic().title());
        }
    }
}
