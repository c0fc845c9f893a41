package app.bytewise.ui.lab;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.tensor.TensorKind;
import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.HeaderRow;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight and output metrics sit in separate, labelled groups; an empty group and a skipped row say why. */
class LabColumnGroupsTest extends KaribuTestBase {

    @SuppressWarnings("unchecked")
    @Test
    void outputOnlyMethodsLeaveTheWeightGroupEmptyAndSayWhy() throws InterruptedException {
        openAnonymously();
        // 128 columns is not a multiple of 256: Q4_K is skipped.
        LabView lab = LabRuns.run(TensorKind.OUTLIER_CHANNELS, 64, 128,
                EnumSet.of(LabChoice.INT8_CHANNEL, LabChoice.GPTQ_INT4, LabChoice.LLM_INT8, LabChoice.Q4_K));

        Grid<LabOutcome> grid = lab.results().grid();
        List<HeaderRow> headers = grid.getHeaderRows();
        assertThat(headers).hasSize(2);
        assertThat(headers.get(0).getCell(grid.getColumnByKey("mse")).getText()).isEqualTo("Weights: Ŵ against W");
        assertThat(headers.get(0).getCell(grid.getColumnByKey("cosine")).getText()).isEqualTo("Weights: Ŵ against W");
        assertThat(headers.get(0).getCell(grid.getColumnByKey("outputSqnr")).getText())
                .isEqualTo("Output: X·Ŵᵀ against the FP32 product");

        List<LabChoice> order = lab.results().outcomes().stream().map(LabOutcome::choice).toList();
        int int8 = order.indexOf(LabChoice.INT8_CHANNEL);
        int gptq = order.indexOf(LabChoice.GPTQ_INT4);
        int llmInt8 = order.indexOf(LabChoice.LLM_INT8);
        int q4k = order.indexOf(LabChoice.Q4_K);
        // Plain INT8: its weights and, on the generated layer inputs, its output.
        assertThat(_getFormatted(grid, int8, "mse")).isNotEmpty();
        assertThat(_getFormatted(grid, int8, "outputSqnr")).isNotEmpty();
        assertThat(_getFormatted(grid, int8, "note")).isEmpty();
        // GPTQ: both groups.
        assertThat(_getFormatted(grid, gptq, "mse")).isNotEmpty();
        assertThat(_getFormatted(grid, gptq, "outputSqnr")).isNotEmpty();
        assertThat(_getFormatted(grid, gptq, "note")).isEmpty();
        // LLM.int8(): measured on its output only; its figures are never shown as weight metrics.
        assertThat(_getFormatted(grid, llmInt8, "mse")).isEmpty();
        assertThat(_getFormatted(grid, llmInt8, "sqnr")).isEmpty();
        assertThat(_getFormatted(grid, llmInt8, "outputSqnr")).isNotEmpty();
        assertThat(_getFormatted(grid, llmInt8, "note")).startsWith("Weights: not compared");
        // Skipped: the reason is in the row, not off-screen.
        assertThat(_getFormatted(grid, q4k, "note")).contains("256");
    }
}
