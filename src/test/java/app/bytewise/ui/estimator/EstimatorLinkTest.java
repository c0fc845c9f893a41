package app.bytewise.ui.estimator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.training.Optimizer;
import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shared link the estimator cannot honour says so; it never shows another model instead. */
class EstimatorLinkTest extends KaribuTestBase {

    private EstimatorView open(Map<String, String> query) {
        openAnonymously();
        UI.getCurrent().navigate("estimator", QueryParameters.simple(query));
        expectView(EstimatorView.class);
        return _get(EstimatorView.class);
    }

    private static LinkProblems linkProblems() {
        return _get(EstimatorView.class).first().linkProblems();
    }

    private static String problems() {
        return linkProblems().getElement().getTextRecursively();
    }

    @Test
    void anUnknownModelIdIsAnErrorNamingItWithTheClosestCatalogModels() {
        EstimatorView view = open(Map.of("model", "llama-3.1-8b", "weights", "fp16"));
        assertThat(problems()).contains("'llama-3.1-8b'").contains("not in the catalog").contains("Did you mean");
        assertThat(view.first().model().getValue()).isNull();
        assertThat(view.first().model().isInvalid()).isTrue();
        assertThat(view.first().model().getErrorMessage()).contains("llama-3.1-8b");
        // No estimate for any model, least of all the default Llama-2-7B.
        assertThat(view.result().getElement().getTextRecursively()).doesNotContain("Llama-2-7B").doesNotContain("GiB");

        Button first = linkProblems().getChildren()
                .flatMap(c -> c.getChildren()).filter(Button.class::isInstance).map(Button.class::cast)
                .findFirst().orElseThrow();
        assertThat(first.getText()).contains("llama-3-1-8b");
        _click(first);
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-3-1-8b");
        assertThat(linkProblems().isVisible()).isFalse();
        assertThat(view.result().getElement().getTextRecursively()).contains("GiB");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("estimator");
    }

    @Test
    void anIdResemblingNothingSaysSoAndOffersNoGuess() {
        EstimatorView view = open(Map.of("model", "stable-diffusion-xl"));
        assertThat(problems()).contains("'stable-diffusion-xl'").contains("Choose a model below");
        assertThat(linkProblems().getChildren().flatMap(c -> c.getChildren())
                .filter(Button.class::isInstance).count()).isZero();
        assertThat(view.first().model().getValue()).isNull();
    }

    @Test
    void unknownChoicesAndNonNumbersAreNamedWithWhatIsShownInstead() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "gpu", "h200x", "context", "4k", "mode", "training",
                "optimizer", "adam-9bit"));
        assertThat(problems())
                .contains("GPU: the link's 'h200x' is not one of the choices; none is chosen.")
                .contains("Context: the link's '4k' is not a whole number; 4096 is shown instead.")
                .contains("Optimizer: the link's 'adam-9bit' is not one of the choices; "
                        + Optimizer.ADAMW_MIXED.label() + " is shown instead.");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-2-7b");
        assertThat(view.result().getElement().getTextRecursively()).contains("GiB");
    }

    @Test
    void aValidLinkShowsNoProblems() {
        open(Map.of("model", "qwen3-30b-a3b", "weights", "gguf:Q4_K_M", "kv", "fp8", "gpu", "rtx-4090"));
        assertThat(linkProblems().isVisible()).isFalse();
    }
}
