package app.bytewise.ui.estimator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compare mode: A and B labelled, drawn on shared scales, with the difference per component. */
class EstimatorCompareTest extends KaribuTestBase {

    private EstimatorView open(Map<String, String> query) {
        openAnonymously();
        UI.getCurrent().navigate("estimator", QueryParameters.simple(query));
        return _get(EstimatorView.class);
    }

    @Test
    void bothConfigurationsAreLabelledAndShareTheirCharts() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "weights", "bf16", "compare", "1",
                "b.weights", "gguf:Q4_K_M"));
        assertThat(_get(H2.class, spec -> spec.withText("Configuration A")).isVisible()).isTrue();
        assertThat(_get(H2.class, spec -> spec.withText("Configuration B")).isVisible()).isTrue();
        assertThat(view.comparison().getText()).startsWith("A: Llama-2-7B · BF16 · KV cache FP16 · 4,096 tokens × 1 → ")
                .contains("B: Llama-2-7B · GGUF Q4_K_M · KV cache FP16 · 4,096 tokens × 1 → ");

        // Each chart is drawn for a desktop and for a phone; the style sheet shows one.
        assertThat(_find(view.comparisonCharts(), Image.class)).hasSize(6);
        List<Image> shared = _find(view.comparisonCharts(), Image.class, spec -> spec.withClasses("bw-chart-desktop"));
        assertThat(shared).hasSize(3);
        // Weights 6,738,415,616 × 2 bytes in A; the cache, 2 × 32 layers × 4,096 channels × 4,096 tokens × 2 bytes, in both.
        assertThat(shared.get(1).getAlt().orElseThrow()).contains("Weights A 13.48 GB (12.55 GiB), B ")
                .contains("KV cache A 2.15 GB (2.00 GiB), B 2.15 GB (2.00 GiB), B − A 0.00 GB (0.00 GiB)");
        assertThat(shared.get(2).getAlt().orElseThrow()).startsWith("Total memory by context length, A: ")
                .contains(" B: ");
        // Each panel's own charts, drawn to its own scale, step aside while comparing.
        assertThat(view.results().getClassNames()).contains("bw-comparing");
        assertThat(_find(view.result(), Image.class)).isNotEmpty().allSatisfy(i -> assertThat(
                java.util.stream.Stream.iterate(i.getParent(), p -> p.isPresent(), p -> p.get().getParent())
                        .anyMatch(p -> p.get().getClassNames().contains("bw-own-chart"))).isTrue());

        view.compare().setValue(false);
        assertThat(view.comparisonCharts().isVisible()).isFalse();
        assertThat(view.results().getClassNames()).doesNotContain("bw-comparing");
        assertThat(_find(H2.class, spec -> spec.withText("Configuration A"))).isEmpty();
    }

    @Test
    void trainingConfigurationsShareTheBreakdownButHaveNoContextCurve() {
        EstimatorView view = open(Map.of("mode", "training", "model", "llama-2-7b", "compare", "1", "b.zero", "3",
                "b.gpus", "8"));
        List<Image> shared = _find(view.comparisonCharts(), Image.class, spec -> spec.withClasses("bw-chart-desktop"));
        assertThat(shared).hasSize(2);
        assertThat(shared.get(0).getAlt().orElseThrow()).contains("Optimizer state A ").contains("B − A −");
    }
}
