package app.bytewise.ui.estimator;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.EngineAllocation;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.util.Locale;

/** What one serving engine allocates: its caches, the tokens they hold, and the lines it would log. */
final class EnginePanel extends Div {

    EnginePanel(EngineAllocation e) {
        addClassName("bw-engine");
        add(new H2(e.engine() + " " + e.version()));
        add(new Paragraph(String.format(Locale.ROOT, "KV cache %s%s: %,d cells per sequence, %d sequence%s.",
                ByteCount.of(e.kvCacheBytes()).display(), e.recurrentStateBytes() > 0
                        ? ", recurrent state " + ByteCount.of(e.recurrentStateBytes()).display() : "",
                e.tokensPerSequence(), e.sequences(), e.sequences() == 1 ? "" : "s")));
        Grid<CacheAllocation> grid = new Grid<>();
        grid.addClassName("bw-engine-caches");
        grid.addColumn(c -> c.kind().id()).setHeader("Cache");
        grid.addColumn(CacheAllocation::layers).setHeader("Layers");
        grid.addColumn(c -> String.format(Locale.ROOT, "%,d × %d", c.cells(), c.streams())).setHeader("Cells × streams");
        grid.addColumn(c -> c.firstType() + " / " + c.secondType()).setHeader("Types");
        grid.addColumn(c -> ByteCount.of(c.bytes()).display()).setHeader("Bytes").setFlexGrow(2);
        grid.setItems(e.caches());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid);
        e.notes().forEach(n -> add(new Paragraph(n)));
        Pre log = new Pre(String.join("\n", e.log()));
        log.addClassName("bw-log");
        log.getElement().setAttribute("aria-label", "The startup lines " + e.engine() + " would print");
        add(new Paragraph("What it prints at startup:"), log);
    }
}
