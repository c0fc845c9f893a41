package app.bytewise.ui.estimator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.ui.KaribuTestBase;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typing a model's name into the model box and pressing Enter selects it, as the list shows it. */
class EstimatorTypingTest extends KaribuTestBase {

    private EstimatorView open() {
        openAnonymously();
        UI.getCurrent().navigate("estimator", QueryParameters.simple(Map.of("model", "llama-2-7b")));
        return _get(EstimatorView.class);
    }

    @Test
    void enterOnTypedTextPicksTheFirstModelTheListShows() {
        EstimatorView view = open();
        ComboBoxKt._fireCustomValueSet(view.first().model(), "llama-3.1-8");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-3-1-8b");
        assertThat(view.result().getElement().getTextRecursively()).contains("8,030,261,248");
    }

    @Test
    void spacesAndCaseDoNotMatterWhenNothingIsListedForTheText() {
        EstimatorView view = open();
        ComboBoxKt._fireCustomValueSet(view.first().model(), "meta llama 3 8b");
        CatalogModel picked = view.first().model().getValue();
        assertThat(picked.name()).isEqualTo("Meta-Llama-3-8B");
        assertThat(view.first().model().isInvalid()).isFalse();
    }

    @Test
    void textMatchingNoModelIsNamedAndTheModelStays() {
        EstimatorView view = open();
        ComboBoxKt._fireCustomValueSet(view.first().model(), "llama-9-9000b");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-2-7b");
        assertThat(view.first().model().isInvalid()).isTrue();
        assertThat(view.first().model().getErrorMessage()).startsWith("No catalog model matches 'llama-9-9000b'. Closest: ");
    }
}
