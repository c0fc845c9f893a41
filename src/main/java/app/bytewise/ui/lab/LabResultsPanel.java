package app.bytewise.ui.lab;

import app.bytewise.ui.ChartImage;
import app.bytewise.quant.lab.LabResult;
import app.bytewise.quant.metric.ErrorMetrics;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
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

    LabResultsPanel() {
        addClassName("bw-lab-results");
        grid.addClassName("bw-lab-metrics");
        grid.addColumn(o -> o.choice().label()).setHeader("Format / method").setFlexGrow(3).setFrozen(true);
        metric("Bits/weight", r -> String.format(Locale.ROOT, "%.4g", r.bitsPerWeight()));
        metric("Stored bytes", r -> String.format(Locale.ROOT, "%,d", r.storedBytes()));
        metric("MSE", r -> sci(r.metrics().mse()));
        metric("SQNR dB", r -> db(r.metrics().sqnrDb()));
        metric("Max |error|", r -> sci(r.metrics().maxAbsError()));
        metric("Cosine", r -> String.format(Locale.ROOT, "%.6f", r.metrics().cosineSimilarity()));
        metric("Output SQNR dB", r -> r.outputError().map(ErrorMetrics::sqnrDb).map(LabResultsPanel::db).orElse("–"));
        metric("Output rel. error", r -> r.outputError().map(e -> sci(e.relativeFrobeniusError())).orElse("–"));
        grid.addColumn(o -> o.problem().orElse("")).setHeader("Problem").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                focus(e.getValue());
            }
        });
        add(new H2("Results"), new Paragraph("Click a row to see its histograms. Output error compares Y = X·Ŵᵀ "
                + "with the FP32 product on generated layer inputs X."), grid, detail);
    }

    void clear() {
        outcomes.clear();
        grid.setItems(outcomes);
        detail.removeAll();
    }

    void add(LabOutcome outcome) {
        outcomes.add(outcome);
        grid.setItems(outcomes);
        if (outcomes.size() == 1 || detail.getChildren().findAny().isEmpty()) {
            outcome.result().ifPresent(r -> focus(outcome));
        }
    }

    List<LabOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private void focus(LabOutcome outcome) {
        detail.removeAll();
        detail.add(new H3(outcome.choice().label()));
        if (outcome.result().isEmpty()) {
            detail.add(new Paragraph(outcome.problem().orElse("")));
            return;
        }
        LabResult r = outcome.result().get();
        boolean product = r.outputError().isPresent() && r.metrics() == r.outputError().get();
        String values = product ? "Output value" : "Weight value";
        detail.add(ChartImage.image(HistogramChart.overlay(values, r.original(), r.reconstructed(), 720, 300),
                HistogramChart.describe("Original", r.original()) + " " + HistogramChart.describe("Dequantized",
                        r.reconstructed())));
        detail.add(ChartImage.image(HistogramChart.single("Error (dequantized − original)", "Error", r.error(), 720, 240),
                HistogramChart.describe("Error", r.error())));
        UnorderedList notes = new UnorderedList();
        r.notes().forEach(n -> notes.add(new ListItem(n)));
        notes.add(new ListItem(r.scheme()));
        detail.add(notes);
    }

    private void metric(String header, Function<LabResult, String> value) {
        grid.addColumn(o -> o.result().map(value).orElse("")).setHeader(header).setAutoWidth(true);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static String db(double v) {
        return Double.isInfinite(v) ? "∞ (exact)" : String.format(Locale.ROOT, "%.2f", v);
    }
}
