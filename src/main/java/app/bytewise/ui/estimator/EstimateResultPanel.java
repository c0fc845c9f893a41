package app.bytewise.ui.estimator;

import app.bytewise.ui.ChartImage;
import app.bytewise.ui.PhoneCards;
import app.bytewise.ui.StepsView;
import app.bytewise.engine.ByteCount;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.InferenceResult;
import app.bytewise.engine.model.TensorGroup;
import app.bytewise.ui.ReadableColumns;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The estimator's answer: headline, chart, GPU table, worked steps and tensor list. */
final class EstimateResultPanel extends Div {

    /** One GPU kind, every figure for the row's own count of that GPU (the fewest that hold the set-up). */
    record GpuRow(String name, String memory, String gpus, String perGpu, String decode) {
    }

    private java.util.Optional<ContextCurve> curve = java.util.Optional.empty();

    private EstimateResultPanel() {
        addClassName("bw-result");
    }

    /** The inference curve of memory against context, for compare mode's shared chart. */
    java.util.Optional<ContextCurve> curve() {
        return curve;
    }

    static EstimateResultPanel inference(CatalogModel model, InferenceResult result, InferenceRequest request, GpuCatalog gpus,
            java.util.Optional<ServedEngine> served) {
        MemoryEstimate m = result.memory();
        EstimateResultPanel panel = new EstimateResultPanel();
        panel.headline(m, "Total", m.totalBytes());
        panel.parameters(model);
        if (m.gpuCount() > 1) {
            panel.add(new Paragraph("Per GPU over " + m.gpuCount() + " GPUs: " + ByteCount.of(m.perGpuBytes()).display()));
        }
        panel.chart(model.name(), m);
        served.ifPresent(e -> panel.add(new EnginePanel(e)));
        if (model.model().architecture().isPresent()) {
            panel.add(new EngineComparisonGrid(app.bytewise.engine.serving.EngineComparison.of(model.model(),
                    request.contextLength(), request.batchSize(), request.gpu(), request.gpuCount(), m.component("weights"),
                    request.overheadBytes())));
        }
        panel.contextCurve(ContextCurve.of(request));
        List<GpuRow> rows = new ArrayList<>();
        for (Gpu g : gpus.all()) {
            InferenceResult onOne = InferenceEstimator.estimate(request.onGpus(g, 1));
            java.util.OptionalInt fewest = onOne.memory().fits().orElse(false) ? java.util.OptionalInt.of(1)
                    : onOne.minimumGpus();
            if (fewest.isEmpty()) {
                rows.add(new GpuRow(g.name(), memory(g), "does not fit on 1,024", "", ""));
                continue;
            }
            int n = fewest.getAsInt();
            long perGpu = n == 1 ? onOne.memory().perGpuBytes()
                    : InferenceEstimator.memory(request.onGpus(g, n)).perGpuBytes();
            // The decode bound reads the whole of the weights and cache once per token over n GPUs' bandwidth
            // (InferenceEstimator's decode step), so n GPUs give n times one GPU's bound.
            rows.add(new GpuRow(g.name(), memory(g), n == 1 ? "1" : n + " (tensor parallel)",
                    ByteCount.of(perGpu).display(), onOne.decodeTokensPerSecond()
                    .map(t -> String.format(Locale.ROOT, "≤ %.1f tokens/s", t * n)).orElse("")));
        }
        panel.gpuTable(rows, true);
        panel.steps(m);
        panel.tensors(model);
        return panel;
    }

    static EstimateResultPanel training(CatalogModel model, MemoryEstimate m, app.bytewise.engine.training.TrainingRequest request,
            GpuCatalog gpus,
            app.bytewise.engine.training.FrameworkChecks checks) {
        EstimateResultPanel panel = new EstimateResultPanel();
        panel.headline(m, "Per GPU", m.perGpuBytes());
        panel.parameters(model);
        panel.chart(model.name(), m);
        app.bytewise.engine.training.DataParallelFit fit = app.bytewise.engine.training.DataParallelFit.of(request);
        List<GpuRow> rows = gpus.all().stream().map(g -> fit.fewest(g)
                .map(r -> new GpuRow(g.name(), memory(g), String.format(Locale.ROOT, "%,d (data parallel %,d × TP %d × PP %d)",
                        fit.totalGpus(r), r.dataParallel(), fit.tensorParallel(), fit.pipelineParallel()),
                        ByteCount.of(r.perGpuBytes()).display(), ""))
                .orElseGet(() -> new GpuRow(g.name(), memory(g), request.zeroStage() == 0
                        ? "does not fit (ZeRO stage 0 shards nothing: more ranks do not help)"
                        : "does not fit on 1,024 ranks", "", ""))).toList();
        panel.gpuTable(rows, false);
        panel.steps(m);
        panel.add(new FrameworkChecksPanel(checks));
        panel.tensors(model);
        return panel;
    }

    /** The label and, where the driver's figure is known, what it reports: fits are decided on the latter. */
    private static String memory(Gpu g) {
        String label = ByteCount.of(g.memoryBytes()).display();
        return g.driverTotalBytes() == null ? label + " (label)"
                : label + "; usable " + ByteCount.of(g.usableBytes()).display();
    }

    /** The total, marked as a guess when the model was counted as another family; guesses and warnings stand out. */
    private void headline(MemoryEstimate m, String label, long bytes) {
        boolean guess = m.notes().stream().anyMatch(n -> n.startsWith(app.bytewise.engine.model.Model.GUESS));
        Span total = new Span((guess ? "Guess · " : "") + label + ": " + ByteCount.of(bytes).display());
        total.addClassName("bw-total");
        add(total);
        m.notes().forEach(n -> {
            Paragraph note = new Paragraph(app.bytewise.engine.Plural.singularAfterOne(n));
            if (n.startsWith(app.bytewise.engine.model.Model.GUESS) || n.startsWith("WARNING")) {
                note.addClassName("bw-warning");
            }
            add(note);
        });
    }

    /**
     * Our counts with their conventions, and the published figure beside them: a gap is explained by
     * how each side counts (rounding, the MTP layer, embeddings in the active count), not hidden.
     */
    private void parameters(CatalogModel model) {
        var m = model.model();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Parameters: %,d, what the inference engine "
                + "loads (a checkpoint's multi-token-prediction layers and quantization scales are not parameters).",
                m.parameters()));
        if (m.activeParameters() != m.parameters()) {
            text.append(String.format(Locale.ROOT, " Active per token: %,d (the routed experts a token does not use left "
                    + "out; shared experts, router, attention and embeddings counted).", m.activeParameters()));
        }
        if (model.publishedParameters() != null) {
            text.append(String.format(Locale.ROOT, " Published: %,d%s (%s)", model.publishedParameters(),
                    model.publishedRoundedTo() > 1 ? String.format(Locale.ROOT, ", rounded to %,d",
                            model.publishedRoundedTo()) : "", model.publishedSource()));
        }
        Paragraph p = new Paragraph(text.toString());
        p.addClassName("bw-parameters");
        add(p);
    }

    /** The panel's own charts are hidden in compare mode, where both configurations share one scale. */
    private void chart(String title, MemoryEstimate m) {
        Div chart = ChartImage.sized((w, h) -> MemoryChart.svg(title, m.components(), w, h),
                MemoryChart.describe(m.components()), 720, 160);
        chart.addClassName("bw-own-chart");
        add(chart);
    }

    private void contextCurve(ContextCurve curve) {
        this.curve = java.util.Optional.of(curve);
        Div image = ChartImage.sized(curve::svg, curve.describe(), 720, 300);
        image.addClassName("bw-context-curve");
        Div own = new Div(new H2("Memory vs context length"), image);
        own.addClassName("bw-own-chart");
        add(own);
    }

    private void gpuTable(List<GpuRow> rows, boolean inference) {
        Grid<GpuRow> grid = new Grid<>();
        grid.addClassName("bw-gpu-table");
        ReadableColumns.addColumn(grid, GpuRow::name).setHeader("GPU").setFlexGrow(2).setFrozen(true);
        ReadableColumns.addColumn(grid, GpuRow::memory).setHeader("Memory: label; usable").setFlexGrow(2);
        ReadableColumns.addColumn(grid, GpuRow::gpus).setHeader("GPUs needed").setFlexGrow(1);
        ReadableColumns.addColumn(grid, GpuRow::perGpu).setHeader("Per GPU at that count").setFlexGrow(1);
        if (inference) {
            ReadableColumns.addColumn(grid, GpuRow::decode).setHeader("Decode bound at that count").setFlexGrow(1);
        }
        ReadableColumns.setItems(grid, rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        PhoneCards<GpuRow> cards = new PhoneCards<>(GpuRow::name).figure("GPUs needed", GpuRow::gpus)
                .figure("Per GPU", GpuRow::perGpu).figure("Decode bound", GpuRow::decode).figure("Memory", GpuRow::memory);
        cards.setItems(rows);
        add(new H2("GPUs"), new Paragraph("Each row is for its own count of that GPU: the fewest that hold this set-up"
                + (inference ? " (powers of two, as tensor parallelism needs), with the decode bound on that many." : ", by "
                + "data-parallel ranks with the tensor and pipeline parallelism above.")), PhoneCards.alongside(grid, cards));
    }

    private void steps(MemoryEstimate m) {
        add(new H2("How it is computed"), new StepsView(m.steps()));
    }

    /** One row per group of identical tensors: "model.layers.0–31.self_attn.q_proj.weight", ×32. */
    private void tensors(CatalogModel model) {
        Grid<TensorGroup> grid = new Grid<>();
        grid.addClassName("bw-tensor-table");
        ReadableColumns.addColumn(grid, TensorGroup::label).setHeader("Tensor").setFlexGrow(3);
        ReadableColumns.addColumn(grid, g -> g.copies() == 1 ? "" : String.format(Locale.ROOT, "×%,d", g.copies())).setHeader("Copies");
        ReadableColumns.addColumn(grid, g -> g.first().shape().toString()).setHeader("Shape");
        ReadableColumns.addColumn(grid, g -> String.format(Locale.ROOT, "%,d", g.elements())).setHeader("Parameters");
        ReadableColumns.setItems(grid, model.model().tensorGroups());
        grid.setHeight("24rem");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        Details details = new Details(String.format(Locale.ROOT, "Tensor list: %,d tensors, %,d parameters",
                model.model().tensorCount(), model.model().parameters()), grid);
        add(details);
    }
}
