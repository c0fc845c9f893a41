package app.bytewise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableColumnsTest {

    @Test
    void theLongestWordCountsUpToSixteenLetters() {
        assertThat(ReadableColumns.longestWord("transformers 4.56")).isEqualTo(12);
        assertThat(ReadableColumns.longestWord("model.layers.0–31.self_attn.q_proj.weight")).isEqualTo(16);
        assertThat(ReadableColumns.longestWord("EEM4A9PN")).isEqualTo(10); // 6 capitals × 1.3 + 2 digits
        assertThat(ReadableColumns.longestWord("Discrimination index")).isEqualTo(15);
        assertThat(ReadableColumns.longestWord("")).isZero();
        assertThat(ReadableColumns.longestWord(null)).isZero();
    }

    @Test
    void eachTextColumnHoldsItsLongestWordAndComponentColumnsAreLeftAlone() {
        Grid<String[]> grid = new Grid<>();
        Grid.Column<String[]> engine = ReadableColumns.addColumn(grid, r -> r[0]).setHeader("Engine");
        Grid.Column<String[]> index = ReadableColumns.addColumn(grid, r -> r[1]).setHeader("Discrimination index");
        Grid.Column<String[]> auto = ReadableColumns.addColumn(grid, r -> r[1]).setHeader("Auto").setAutoWidth(true);
        ReadableColumns.setItems(grid, List.of(new String[] {"llama.cpp v0.5.0", "50 %"},
                new String[] {"transformers 4.56", "–"}));
        assertThat(engine.getWidth()).isEqualTo("max(100px, calc(12 * 0.62rem + 2 * var(--lumo-space-m)))");
        assertThat(index.getWidth()).isEqualTo("max(100px, calc(15 * 0.62rem + 2 * var(--lumo-space-m)))");
        assertThat(auto.getWidth()).isNotEqualTo(index.getWidth());
        assertThat(grid.getGenericDataView().getItems()).hasSize(2);
    }
}
