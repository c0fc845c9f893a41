package app.bytewise.ui.estimator;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.DeviceMemory;
import app.bytewise.engine.serving.llamacpp.LlamaCppPlacement;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import java.util.Locale;

/**
 * What one serving engine allocates: its caches, the tokens they hold, for llama.cpp where each
 * device's share goes and whether it starts, and the lines it would log.
 */
final class EnginePanel extends Div {

    EnginePanel(ServedEngine served) {
        EngineAllocation e = served.caches();
        addClassName("bw-engine");
        add(new H2(e.engine() + " " + e.version()));
        add(new Paragraph(String.format(Locale.ROOT, "KV cache %s%s: %,d cells per sequence, %d sequence%s.",
                ByteCount.of(e.kvCacheBytes()).display(), e.recurrentStateBytes() > 0
                        ? ", recurrent state " + ByteCount.of(e.recurrentStateBytes()).display() : "",
                e.tokensPerSequence(), e.sequences(), e.sequences() == 1 ? "" : "s")));
        Grid<CacheAllocation> grid = new Grid<>();
        grid.addClassName("bw-engine-caches");
        ReadableColumns.addColumn(grid, c -> c.kind().id()).setHeader("Cache");
        ReadableColumns.addColumn(grid, CacheAllocation::layers).setHeader("Layers");
        ReadableColumns.addColumn(grid, c -> String.format(Locale.ROOT, "%,d × %d", c.cells(), c.streams())).setHeader("Cells × streams");
        ReadableColumns.addColumn(grid, c -> c.firstType() + " / " + c.secondType()).setHeader("Types");
        ReadableColumns.addColumn(grid, c -> ByteCount.of(c.bytes()).display()).setHeader("Bytes").setFlexGrow(2);
        ReadableColumns.setItems(grid, e.caches());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(grid);
        e.notes().forEach(n -> add(new Paragraph(n)));
        served.placement().ifPresent(this::placement);
        served.placementGap().ifPresent(gap -> add(new Paragraph("No placement on devices: " + gap)));
        Pre log = new Pre(String.join("\n", served.log()));
        log.addClassName("bw-log");
        log.getElement().setAttribute("aria-label", "The startup lines " + e.engine() + " would print");
        add(new Paragraph("What it prints at startup:"), log);
    }

    private void placement(LlamaCppPlacement p) {
        add(new H3("Where it goes"));
        Paragraph verdict = new Paragraph(p.refusal().map(r -> "Does not start: " + r).orElseGet(() -> p.gpus().isEmpty()
                ? "CPU only: every layer runs from host memory."
                : String.format(Locale.ROOT, "Starts: %d of %d layers on the GPU%s (the output layer counts as one).",
                        p.offloaded(), p.offloadable(), p.gpus().size() == 1 ? "" : "s")));
        verdict.addClassName(p.starts() ? "bw-engine-starts" : "bw-engine-refused");
        add(verdict);
        Grid<DeviceMemory> devices = new Grid<>();
        devices.addClassName("bw-engine-devices");
        devices.addColumn(d -> d.isHost() ? "CPU (host RAM)" : d.name() + " · " + d.label()).setHeader("Device")
                .setFlexGrow(2);
        devices.addColumn(DeviceMemory::layers).setHeader("Layers");
        devices.addColumn(d -> ByteCount.of(d.modelBytes()).display()).setHeader("Weights");
        devices.addColumn(d -> ByteCount.of(d.kvBytes() + d.recurrentBytes()).display()).setHeader("Caches");
        devices.addColumn(d -> d.isHost() ? "" : ByteCount.of(d.totalBytes()).display()).setHeader("Driver total");
        devices.addColumn(EnginePanel::left).setHeader("Left for context and compute").setFlexGrow(2);
        devices.setItems(p.devices());
        devices.setAllRowsVisible(true);
        devices.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        add(devices);
        p.notes().forEach(n -> add(new Paragraph(n)));
        if (p.gpus().stream().anyMatch(d -> d.leftBytes() >= 0 && !d.meetsFitTarget())) {
            add(new Paragraph("Under 1,024 MiB is left on a GPU: llama-fit-params (on by default in llama-server) would "
                    + "lower -ngl or the context to keep that much free for the CUDA context and compute buffers, which "
                    + "are not counted above."));
        }
    }

    private static String left(DeviceMemory d) {
        if (d.isHost()) {
            return "";
        }
        return d.leftBytes() < 0 ? "short by " + ByteCount.of(-d.leftBytes()).display()
                : ByteCount.of(d.leftBytes()).display() + (d.meetsFitTarget() ? "" : " (under the 1,024 MiB fit target)");
    }
}
