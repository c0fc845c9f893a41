package app.bytewise.ui.drill;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.scenario.StepScenario;
import app.bytewise.ui.KaribuTestBase;
import app.bytewise.ui.StepsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class ScenariosViewTest extends KaribuTestBase {

    private ScenariosView open(String id) {
        openAnonymously();
        UI.getCurrent().navigate("scenarios", QueryParameters.of("id", id));
        expectView(ScenariosView.class);
        return _get(ScenariosView.class);
    }

    private static String right(Question q) {
        return q.kind() == QuestionKind.CHOICE ? q.correctOption().orElseThrow().id() : q.numeric().orElseThrow().expected();
    }

    @Test
    void aStepsMistakeIsNamedThereAndTheNextStepOpensOnlyOnceItIsOver() {
        ScenariosView view = open("deploy-fp16-or-int4.4d");
        StepScenario s = view.current();
        assertThat(s.id().toString()).isEqualTo("deploy-fp16-or-int4.4d");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals(s.premise()));
        view.answer(right(s.step(0).question()));
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Correct") && !p.getText().contains("Correct. Correct"));
        assertThat(view.stepIndex()).isEqualTo(1);
        assertThat(_find(H3.class)).extracting(H3::getText).containsExactly("Step 1 of 5: Weights", "Step 2 of 5: KV cache");

        Question kv = s.step(1).question();
        String expected = kv.numeric().orElseThrow().expected();
        String half = kv.distractors().get(Misconception.KV_NO_FACTOR_TWO)
                .divide(kv.numeric().orElseThrow().unit().factor(), MathContext.DECIMAL64).toPlainString();
        view.answer(half);
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-misconception")).getText())
                .isEqualTo("Misconception: " + Misconception.KV_NO_FACTOR_TWO.title());
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("That slip is made at this step: KV cache."));
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().contains(expected));
        assertThat(view.stepIndex()).isEqualTo(1);
        int solutions = _find(StepsView.class).size();
        // Enter again on the answer just marked wrong is not the second try.
        view.answer(half);
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("That is the answer just marked wrong"));
        assertThat(view.stepIndex()).isEqualTo(1);
        view.answer("1 GB");
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().equals("Answer: " + expected));
        assertThat(_find(StepsView.class)).hasSize(solutions + 1);
        assertThat(view.stepIndex()).isEqualTo(2);
    }

    @Test
    void allStepsRightEndsWithTheFullScore() {
        ScenariosView view = open("train-zero-fits.3");
        StepScenario s = view.current();
        for (int i = 0; i < s.steps().size(); i++) {
            view.answer(right(s.step(i).question()));
        }
        assertThat(_find(Paragraph.class)).anyMatch(p -> p.getText().startsWith("Scenario done: 4.0 of 4."));
        assertThat(_get(Span.class, spec -> spec.withClasses("bw-score")).getText()).startsWith("Score 4.0");
    }

    @Test
    void anUnknownIdStartsAFreshScenario() {
        ScenariosView view = open("no-such.1");
        assertThat(view.current()).isNotNull();
        assertThat(view.stepIndex()).isZero();
    }
}
