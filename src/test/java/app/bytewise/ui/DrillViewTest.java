package app.bytewise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Option;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.Topic;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;

class DrillViewTest extends KaribuTestBase {

    private DrillView open(String topic) {
        openAnonymously();
        UI.getCurrent().navigate("drill", QueryParameters.of("topic", topic));
        expectView(DrillView.class);
        return _get(DrillView.class);
    }

    @Test
    void startsOnTheTopicFromTheLessonAndGradesTheRightOption() {
        DrillView drill = open("kv-cache");
        assertThat(drill.current().topic()).isEqualTo(Topic.KV_CACHE);
        drill.answer(drill.current().correctOption().orElseThrow().id());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Correct."));
        assertThat(_find(StepsView.class).size() + _find(Paragraph.class).size()).isPositive();
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 1.0 / 1");
    }

    @Test
    void aWrongOptionNamesItsMisconceptionAndASecondTryHalvesTheMark() {
        DrillView drill = open("training-memory");
        Option wrong = drill.current().options().stream().filter(o -> !o.correct()).findFirst().orElseThrow();
        drill.answer(wrong.id());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Not this time."));
        if (wrong.misconception() != app.bytewise.drill.Misconception.WRONG_OPTION) {
            assertThat(_get(Span.class, spec -> spec.withClasses("bw-misconception")).getText())
                    .contains(wrong.misconception().title());
        }
        drill.answer(drill.current().correctOption().orElseThrow().id());
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 0.5 / 1");
    }

    @SuppressWarnings("unchecked")
    @Test
    void numericModeParsesTypedAnswers() {
        DrillView drill = open("zero");
        Select<QuestionKind> mode = _find(Select.class).stream().filter(s -> "Mode".equals(s.getLabel()))
                .findFirst().orElseThrow();
        mode.setValue(QuestionKind.NUMERIC);
        if (drill.current().kind() != QuestionKind.NUMERIC) {
            return; // this topic's draw was a conceptual question (choice only)
        }
        drill.answer("lots");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().contains("does not start with a number"));
        drill.answer(drill.current().numeric().orElseThrow().expected());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Correct."));
    }
}
