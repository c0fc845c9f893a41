package app.bytewise.ui.drill;

import app.bytewise.ui.StepsView;
import app.bytewise.ui.KaribuTestBase;
import app.bytewise.ui.StepsView;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.Topic;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkedExamplesViewTest extends KaribuTestBase {

    private WorkedExamplesView open(String key, String value) {
        openAnonymously();
        UI.getCurrent().navigate("examples", QueryParameters.of(key, value));
        expectView(WorkedExamplesView.class);
        return _get(WorkedExamplesView.class);
    }

    private static List<ListItem> visibleSteps() {
        return _find(ListItem.class).stream().filter(li -> li.getParent().filter(StepsView.class::isInstance).isPresent())
                .filter(li -> !li.hasClassName(WorkedExampleView.HIDDEN)).toList();
    }

    @Test
    void stepsAreRevealedOneAtATimeThenTheAnswerAndASimilarQuestion() {
        WorkedExamplesView view = open("example", "largest-batch-on-gpu.n.2a");
        Question q = view.current();
        assertThat(q.topic()).isEqualTo(Topic.INFERENCE_FIT);
        WorkedExampleView example = view.example();
        assertThat(example.stepCount()).isEqualTo(q.solution().steps().size()).isGreaterThan(2);
        assertThat(visibleSteps()).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Show next step")));
        assertThat(example.shown()).isEqualTo(1);
        assertThat(visibleSteps()).hasSize(1);
        assertThat(visibleSteps().get(0).getElement().getTextRecursively())
                .contains(q.solution().steps().get(0).name());

        _click(_get(Button.class, spec -> spec.withText("Show all steps")));
        assertThat(visibleSteps()).hasSize(q.solution().steps().size());
        assertThat(_get(Anchor.class, spec -> spec.withText("Try a similar one")).getHref())
                .isEqualTo("drill?template=" + q.id().template());
        assertThat(_get(Button.class, spec -> spec.withText("Show next step")).isEnabled()).isFalse();
    }

    @Test
    void aTopicFromALessonGivesAnExampleOfThatTopicWithSteps() {
        for (String topic : List.of("kv-cache", "zero", "precision-formats", "quantization-methods")) {
            Question q = open("topic", topic).current();
            assertThat(q.topic().name()).isEqualTo(topic.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            assertThat(q.solution().steps()).isNotEmpty();
        }
    }

    @Test
    void anExampleIdReopensTheSameQuestionWithItsWrongTurnsAtTheirSteps() {
        WorkedExamplesView view = open("topic", "kv-cache");
        String id = view.current().id().toString();
        WorkedExamplesView again = open("example", id);
        Question q = again.current();
        assertThat(q.id().toString()).isEqualTo(id);
        List<Div> turns = _find(Div.class, spec -> spec.withClasses("bw-wrong-turn"));
        assertThat(turns).hasSize(q.distractors().size());
        if (q.distractors().containsKey(Misconception.KV_NO_FACTOR_TWO)) {
            ListItem kvStep = (ListItem) turns.stream().filter(d -> d.getElement().getTextRecursively()
                    .contains(Misconception.KV_NO_FACTOR_TWO.title())).findFirst().orElseThrow().getParent().orElseThrow();
            assertThat(kvStep.getElement().getTextRecursively()).contains("KV");
        }
    }

    @Test
    void aSimilarQuestionInTheDrillUsesTheSameTemplateWithNewNumbers() {
        WorkedExamplesView view = open("topic", "zero");
        String template = view.current().id().template();
        UI.getCurrent().navigate("drill", QueryParameters.of("template", template));
        DrillView drill = _get(DrillView.class);
        assertThat(drill.current().id().template()).isEqualTo(template);
        assertThat(drill.current().id().seed()).isNotEqualTo(view.current().id().seed());
    }
}
