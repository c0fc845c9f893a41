package app.bytewise.ui.lab;

import app.bytewise.quant.lab.CentralHistograms;
import app.bytewise.quant.lab.LabResult;
import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.metric.Histogram;
import app.bytewise.ui.ChartImage;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The lab's answer: one metrics row per format, and the histograms of the row in focus (the first
 * until another is clicked).
 */
final class LabResultsPanel extends Div {

    private final Grid<LabOutcome> grid = new Grid<>();
    private final Div detail = new Div();
    private final List<LabOutcome> outcomes = new ArrayList<>();
    private LabOutcome focused;
    private boolean logCount;
    private boolean central;
    private final PhoneCards<LabOutcome> cards = new PhoneCards<>(o -> o.choice().label());

    LabResultsPanel() {
        addClassName("bw-lab-results");
        grid.addClassName("bw-lab-metrics");
        Grid.Column<LabOutcome> name = ReadableColumns.addColumn(grid, o -> o.choice().label()).setHeader("Format / method")
                .setFlexGrow(3).setFrozen(true).setKey("choice");
        Grid.Column<LabOutcome> bits = metric("bits", "Bits/weight", r -> String.format(Locale.ROOT, "%.4g", r.bitsPerWeight()));
        Grid.Column<LabOutcome> stored = metric("stored", "Stored bytes", r -> String.format(Locale.ROOT, "%,d", r.storedBytes()));
        List<Grid.Column<LabOutcome>> weights = List.of(
                weightMetric("mse", "MSE", m -> sci(m.mse())),
                weightMetric("sqnr", "SQNR dB", m -> db(m.sqnrDb())),
                weightMetric("maxError", "Max |error|", m -> sci(m.maxAbsError())),
                weightMetric("cosine", "Cosine", m -> String.format(Locale.ROOT, "%.6f", m.cosineSimilarity())));
        List<Grid.Column<LabOutcome>> output = List.of(
                outputMetric("outputSqnr", "SQNR dB", m -> db(m.sqnrDb())),
                outputMetric("outputError", "Rel. error", m -> sci(m.relativeFrobeniusError())));
        Grid.Column<LabOutcome> notes = ReadableColumns.addColumn(grid, LabResultsPanel::note).setHeader("Skipped, or why a group is empty")
                .setFlexGrow(3).setKey("note");
        // A second header row names what each group compares, so no figure can be read as the other kind.
        HeaderRow groups = grid.prependHeaderRow();
        groups.join(name, bits, stored).setText("");
        groups.join(weights.toArray(Grid.Column[]::new)).setText("Weights: Ŵ against W");
        groups.join(output.toArray(Grid.Column[]::new)).setText("Output: X·Ŵᵀ against the FP32 product");
        groups.getCell(notes).setText("");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                focus(e.getValue());
            }
        });
        cards.figure("Bits/weight", o -> o.result().map(r -> String.format(Locale.ROOT, "%.4g", r.bitsPerWeight())).orElse(""))
                .figure("Weights: SQNR dB", o -> o.result().filter(r -> !outputOnly(r)).map(r -> db(r.metrics().sqnrDb()))
                        .orElse(""))
                .figure("Output: SQNR dB", o -> o.result().flatMap(LabResult::outputError).map(m -> db(m.sqnrDb())).orElse(""))
                .figure("Note", LabResultsPanel::note)
                .action(o -> o.result().isEmpty() ? null : new Button("Histograms", e -> focus(o)));
        add(new H2("Results"), new Paragraph("Click a row to see its histograms. Output error compares Y = X·Ŵᵀ "
                + "with the FP32 product on generated layer inputs X."), PhoneCards.alongside(grid, cards), detail);
    }

    void clear() {
        outcomes.clear();
        ReadableColumns.setItems(grid, outcomes);
        cards.setItems(outcomes);
        detail.removeAll();
    }

    void add(LabOutcome outcome) {
        outcomes.add(outcome);
        ReadableColumns.setItems(grid, outcomes);
        cards.setItems(outcomes);
        if (outcomes.size() == 1 || detail.getChildren().findAny().isEmpty()) {
            outcome.result().ifPresent(r -> focus(outcome));
        }
    }

    Grid<LabOutcome> grid() {
        return grid;
    }

    List<LabOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private void focus(LabOutcome outcome) {
        focused = outcome;
        detail.removeAll();
        detail.add(new H3(outcome.choice().label()));
        if (outcome.result().isEmpty()) {
            detail.add(new Paragraph(outcome.problem().orElse("")));
            return;
        }
        LabResult r = outcome.result().get();
        boolean product = outputOnly(r);
        String values = product ? "Output value" : "Weight value";
        // The two views are kept from row to row: a reader comparing formats compares like with like.
        Checkbox log = new Checkbox("Log count", logCount);
        log.addValueChangeListener(e -> {
            logCount = e.getValue();
            focus(focused);
        });
        Checkbox zoom = new Checkbox(String.format(Locale.ROOT, "Central %.0f %% of the values",
                CentralHistograms.COVERAGE * 100), central);
        zoom.addValueChangeListener(e -> {
            central = e.getValue();
            focus(focused);
        });
        FlexLayout views = new FlexLayout(log, zoom);
        views.addClassName("bw-histogram-views");
        Histogram original = central ? r.central().original() : r.original();
        Histogram reconstructed = central ? r.central().reconstructed() : r.reconstructed();
        Histogram error = central ? r.central().error() : r.error();
        String scale = logCount ? " Counts on a log scale." : "";
        boolean logScale = logCount;
        detail.add(views, ChartImage.sized((w, h) -> HistogramChart.overlay(values, original, reconstructed, logScale, w, h),
                HistogramChart.describe("Original", original) + " " + HistogramChart.describe("Dequantized",
                        reconstructed) + scale, 720, 300));
        detail.add(ChartImage.sized((w, h) -> HistogramChart.single("Error (dequantized − original)", "Error", error, logScale,
                w, h), HistogramChart.describe("Error", error) + scale, 720, 240));
        UnorderedList notes = new UnorderedList();
        r.notes().forEach(n -> notes.add(new ListItem(n)));
        notes.add(new ListItem(r.scheme()));
        detail.add(notes);
    }

    private Grid.Column<LabOutcome> metric(String key, String header, Function<LabResult, String> value) {
        return ReadableColumns.addColumn(grid, o -> o.result().map(value).orElse("")).setHeader(header).setAutoWidth(true).setKey(key);
    }

    /** Empty for a method that is measured on its output only (its weights are not stored quantized). */
    private Grid.Column<LabOutcome> weightMetric(String key, String header, Function<ErrorMetrics, String> value) {
        return metric(key, header, r -> outputOnly(r) ? "" : value.apply(r.metrics()));
    }

    private Grid.Column<LabOutcome> outputMetric(String key, String header, Function<ErrorMetrics, String> value) {
        return metric(key, header, r -> r.outputError().map(value).orElse(""));
    }

    /** LLM.int8() and SmoothQuant: their error is that of the product, which is all the lab can compare. */
    static boolean outputOnly(LabResult r) {
        return r.outputError().isPresent() && r.metrics() == r.outputError().get();
    }

    /** Why a row is skipped or a group is empty, in the row itself. */
    static String note(LabOutcome o) {
        if (o.result().isEmpty()) {
            return o.problem().orElse("");
        }
        LabResult r = o.result().get();
        if (outputOnly(r)) {
            return "Weights: not compared, since the method quantizes at matrix-multiplication time and its "
                    + "error is measured on the output.";
        }
        return r.outputError().isEmpty() ? "Output: not measured for this choice." : "";
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static String db(double v) {
        return Double.isInfinite(v) ? "∞ (exact)" : String.format(Locale.ROOT, "%.2f", v);
    }
}
