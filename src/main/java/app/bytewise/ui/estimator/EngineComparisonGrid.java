package app.bytewise.ui.estimator;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.EngineComparison.Row;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import java.util.Locale;

/** The same model in four engines, side by side, with why each differs. */
final class EngineComparisonGrid extends Div {

    EngineComparisonGrid(List<Row> rows) {
        addClassName("bw-engine-comparison");
        Grid<Row> grid = new Grid<>();
        grid.addClassName("bw-engine-comparison-grid");
        ReadableColumns.addColumn(grid, r -> r.engine() + " " + r.version()).setHeader("Engine").setAutoWidth(true).setFlexGrow(0);
        ReadableColumns.addColumn(grid, r -> r.allocation().map(a -> ByteCount.of(a.totalBytes()).display()).orElse("—"))
                .setHeader("KV cache and state").setFlexGrow(2);
        ReadableColumns.addColumn(grid, r -> r.allocation().map(EngineComparisonGrid::capacity).orElse("")).setHeader("Holds")
                .setFlexGrow(2);
        ReadableColumns.addColumn(grid, Row::reason).setHeader("Why").setFlexGrow(4);
        ReadableColumns.setItems(grid, rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        PhoneCards<Row> cards = new PhoneCards<Row>(r -> r.engine() + " " + r.version())
                .figure("KV cache and state", r -> r.allocation().map(a -> ByteCount.of(a.totalBytes()).display()).orElse("—"))
                .figure("Holds", r -> r.allocation().map(EngineComparisonGrid::capacity).orElse(""))
                .figure("Why", Row::reason);
        cards.setItems(rows);
        add(new H2("The same model in four engines"), PhoneCards.alongside(grid, cards));
    }

    private static String capacity(EngineAllocation a) {
        if (!a.starts()) {
            return "does not start: " + a.refusal().orElse("");
        }
        return String.format(Locale.ROOT, "%,d tokens, %.2f × %,d-token sequences", a.cacheTokens(), a.concurrency(),
                a.tokensPerSequence());
    }
}
