package app.bytewise.ui.drill;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.interview.Interview;
import app.bytewise.drill.interview.InterviewReport;
import app.bytewise.drill.interview.ItemResult;
import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InterviewViewTest extends KaribuTestBase {

    private InterviewView open() {
        openAnonymously();
        UI.getCurrent().navigate("interview");
        expectView(InterviewView.class);
        return _get(InterviewView.class);
    }

    @SuppressWarnings("unchecked")
    private static void enter(int item, Question q, String text) {
        Div box = _find(Div.class, spec -> spec.withClasses("bw-interview-item")).get(item);
        if (q.kind() == QuestionKind.CHOICE) {
            RadioButtonGroup<Option> options = _get(box, RadioButtonGroup.class);
            options.setValue(q.option(text).orElseThrow());
        } else {
            _get(box, TextField.class).setValue(text);
        }
    }

    private static String right(Question q) {
        return q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id() : q.numeric().orElseThrow().expected();
    }

    @SuppressWarnings("unchecked")
    @Test
    void noFeedbackUntilTheEndThenAReportPerTopicWithSolutions() {
        InterviewView view = open();
        _find(Select.class).stream().filter(s -> "Questions".equals(s.getLabel())).findFirst().orElseThrow().setValue(4);
        _get(Button.class, spec -> spec.withText("Start interview")).click();
        Interview iv = view.interview();
        assertThat(iv.questions()).hasSize(4);
        assertThat(iv.id().plan().minutes()).isEqualTo(20);
        assertThat(_find(Div.class, spec -> spec.withClasses("bw-interview-item"))).hasSize(4 + iv.scenario().steps().size());
        enter(0, iv.questions().get(0), right(iv.questions().get(0)));
        enter(4, iv.scenario().step(0).question(), right(iv.scenario().step(0).question()));
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().startsWith("Correct") || p.getText().startsWith("Answer: "));

        _get(Button.class, spec -> spec.withText("Finish and see the report")).click();
        InterviewReport r = view.report().orElseThrow();
        assertThat(r.points()).isEqualTo(2.0);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.blanks()).isEqualTo(r.items() - 2);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("bw-interview-score")).getText())
                .isEqualTo(String.format("Score 2.0 / %d · %d left blank", r.items(), r.items() - 2));
        assertThat(_find(Div.class, spec -> spec.withClasses("bw-interview-result"))).hasSize(r.items());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Answer: " + r.results().get(1).expected()));
    }

    @Test
    void theSittingSurvivesLeavingThePageAndTimeRunningOutMarksIt() {
        InterviewView view = open();
        view.start();
        Interview iv = view.interview();
        Question first = iv.questions().getFirst();
        enter(0, first, right(first));
        UI.getCurrent().navigate("drill");
        UI.getCurrent().navigate("interview");
        InterviewView back = _get(InterviewView.class);
        assertThat(back.interview().id()).isEqualTo(iv.id());
        assertThat(back.report()).isEmpty();

        back.tick(Instant.now().plus(Duration.ofMinutes(21)));
        InterviewReport r = back.report().orElseThrow();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.results().getFirst().status()).isEqualTo(ItemResult.Status.RIGHT);
        assertThat(r.results().subList(1, r.items())).allSatisfy(x -> assertThat(x.status()).isEqualTo(ItemResult.Status.BLANK));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("bw-interview-score")).getText()).endsWith("time ran out");

        _get(Button.class, spec -> spec.withText("New interview")).click();
        assertThat(back.interview()).isNull();
        assertThat(_find(Button.class, spec -> spec.withText("Start interview"))).hasSize(1);
    }
}
