package app.bytewise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimatorViewTest extends KaribuTestBase {

    private EstimatorView open(Map<String, String> query) {
        openAnonymously();
        UI.getCurrent().navigate("estimator", QueryParameters.simple(query));
        expectView(EstimatorView.class);
        return _get(EstimatorView.class);
    }

    @Test
    void theUrlDescribesTheEstimateAndTheResultShowsBothUnits() {
        EstimatorView view = open(Map.of("model", "llama-2-13b", "weights", "fp16", "context", "4096", "gpu", "a10g"));
        String text = view.result().getElement().getTextRecursively();
        // 13B in FP16: 26.03 GB of weights does not fit a 24 GiB A10G.
        assertThat(text).contains("26.03 GB (24.24 GiB)").contains("does not fit");
        assertThat(text).contains("KV cache");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theGpuTableStatesEachCardsMemoryInBothUnits() {
        open(Map.of("model", "llama-2-13b", "weights", "fp16", "gpu", "a10g"));
        Grid<Object> gpus = _get(Grid.class, spec -> spec.withClasses("bw-gpu-table"));
        java.util.List<String> a10g = java.util.stream.IntStream.range(0, GridKt._size(gpus))
                .mapToObj(i -> GridKt._getFormattedRow(gpus, i))
                .filter(row -> row.get(0).equals("NVIDIA A10G (AWS)")).findFirst().orElseThrow();
        // 24 GiB = 25,769,803,776 bytes; 26.03 GB of FP16 weights cannot fit on one.
        assertThat(a10g.get(1)).isEqualTo("25.77 GB (24.00 GiB)");
        assertThat(a10g.get(2)).isEqualTo("needs 2");
    }

    @SuppressWarnings("unchecked")
    @Test
    void changingTheFormatRecomputesAndBadInputKeepsTheLastResult() {
        EstimatorView view = open(Map.of("model", "llama-2-13b", "weights", "fp16", "gpu", "a10g"));
        ComboBox<String> weights = _get(ComboBox.class, spec -> spec.withLabel("Weights"));
        weights.setValue("gptq-4bit-g128");
        String fits = view.result().getElement().getTextRecursively();
        assertThat(fits).contains("fits");
        IntegerField batch = _get(IntegerField.class, spec -> spec.withLabel("Batch"));
        batch.setValue(0);
        assertThat(batch.isInvalid()).isTrue();
        assertThat(batch.getErrorMessage()).contains("batch size");
        assertThat(view.result().getElement().getTextRecursively()).isEqualTo(fits);
    }

    @Test
    void trainingModeShowsShardedStatesPerGpu() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "mode", "training", "zero", "3", "gpus", "8"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("Per GPU").contains("Optimizer state per GPU");
    }
}
