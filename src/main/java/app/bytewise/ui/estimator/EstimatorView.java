package app.bytewise.ui.estimator;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.ui.ChartImage;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The estimator: a model, mode, formats, context, batch and GPUs in; the memory breakdown, GPU fit,
 * decode bound, worked steps and tensor list out. Compare mode puts a second configuration beside
 * the first. The settings live in the URL (the second's under {@code b.}), so a result can be
 * shared; invalid input marks the field and keeps the last valid result.
 */
@Route("estimator")
@PageTitle("Estimator | Bytewise")
@AnonymousAllowed
public class EstimatorView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> WEIGHT_FORMATS = List.of("checkpoint", "fp32", "bf16", "fp16", "fp8-e4m3", "int8", "int4", "nf4",
            "nf4-dq", "gptq-4bit-g128", "awq-4bit-g128", "gguf:Q8_0", "gguf:Q6_K", "gguf:Q5_K_M", "gguf:Q4_K_M",
            "gguf:Q4_0", "gguf:Q3_K_M", "gguf:Q2_K");
    static final String B = "b.";

    private final EstimatorForm first;
    private final EstimatorForm second;
    private final Checkbox compare = new Checkbox("Compare two configurations");
    private final Div firstResult = new Div();
    private final Div secondResult = new Div();
    private final Paragraph comparison = new Paragraph();
    private final Div comparisonCharts = new Div();
    private final H2 firstHeading = new H2("Configuration A");
    private Optional<EstimatorForm.Outcome> firstOutcome = Optional.empty();
    private Optional<EstimatorForm.Outcome> secondOutcome = Optional.empty();
    private boolean restoring;
    private final Div results;

    public EstimatorView(ModelCatalog models, GpuCatalog gpus) {
        first = new EstimatorForm("", models, gpus);
        second = new EstimatorForm("Configuration B", models, gpus);
        addClassName("bw-page");
        addClassName("bw-estimator");
        second.setVisible(false);
        secondResult.setVisible(false);
        comparison.addClassName("bw-comparison");
        comparison.setVisible(false);
        firstResult.addClassName("bw-estimator-result");
        secondResult.addClassName("bw-estimator-result");
        comparisonCharts.addClassName("bw-comparison-charts");
        comparisonCharts.setVisible(false);
        firstHeading.setVisible(false);
        results = new Div(firstResult, secondResult);
        results.addClassName("bw-compare-results");
        add(new H1("Estimator"), compare, firstHeading, first, second, comparison, comparisonCharts, results);
        first.onChange(this::changed);
        second.onChange(this::changed);
        compare.addValueChangeListener(e -> {
            if (!restoring) {
                changed();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        first.restore(q, "");
        second.restore(q, B);
        compare.setValue("1".equals(q.getOrDefault("compare", List.of("0")).get(0)));
        restoring = false;
        changed();
    }

    /** The first configuration's result panel, for tests. */
    Div result() {
        return firstResult;
    }

    Div secondResult() {
        return secondResult;
    }

    EstimatorForm first() {
        return first;
    }

    EstimatorForm second() {
        return second;
    }

    Checkbox compare() {
        return compare;
    }

    Paragraph comparison() {
        return comparison;
    }

    Div comparisonCharts() {
        return comparisonCharts;
    }

    Div results() {
        return results;
    }

    private void changed() {
        boolean both = compare.getValue();
        second.setVisible(both);
        secondResult.setVisible(both);
        comparison.setVisible(both);
        comparisonCharts.setVisible(both);
        firstHeading.setVisible(both);
        // Each panel's own charts are drawn to its own scale: hidden while the shared ones are shown.
        results.setClassName("bw-comparing", both);
        firstResult.getElement().setAttribute("aria-label", both ? "Configuration A" : "Result");
        secondResult.getElement().setAttribute("aria-label", "Configuration B");
        first.compute().ifPresent(o -> {
            firstOutcome = Optional.of(o);
            firstResult.removeAll();
            firstResult.add(o.panel());
        });
        if (both) {
            second.compute().ifPresent(o -> {
                secondOutcome = Optional.of(o);
                secondResult.removeAll();
                secondResult.add(o.panel());
            });
            describeDifference();
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "estimator?" + query().getQueryString()));
    }

    /** One sentence: how much more or less B needs than A, in GB and GiB and as a ratio; then the shared charts. */
    private void describeDifference() {
        comparisonCharts.removeAll();
        if (firstOutcome.isEmpty() || secondOutcome.isEmpty()) {
            comparison.setText("");
            return;
        }
        var x = firstOutcome.get();
        var y = secondOutcome.get();
        int rows = (int) java.util.stream.Stream.concat(x.components().keySet().stream(), y.components().keySet().stream())
                .distinct().count();
        comparisonCharts.add(new H2("A and B on one scale"),
                ChartImage.sized((w, h) -> ComparisonCharts.breakdown(x.components(), y.components(), w, h),
                        ComparisonCharts.describe(x.components(), y.components()), 720, 200),
                new H2("B − A by component"),
                ChartImage.sized((w, h) -> ComparisonCharts.difference(x.components(), y.components(), w, h),
                        ComparisonCharts.describe(x.components(), y.components()), 720, 80 + 44 * rows));
        if (x.panel().curve().isPresent() && y.panel().curve().isPresent()) {
            comparisonCharts.add(new H2("A and B against context length"),
                    ChartImage.sized((w, h) -> ComparisonCharts.curves(x.panel().curve().get(), y.panel().curve().get(), w, h),
                            ComparisonCharts.describeCurves(x.panel().curve().get(), y.panel().curve().get()), 720, 320));
        }
        long a = firstOutcome.get().bytes();
        long b = secondOutcome.get().bytes();
        String verdict = a == b ? "B needs the same as A"
                : "B needs " + ByteCount.of(Math.abs(b - a)).display() + (b < a ? " less" : " more") + " than A";
        comparison.setText(String.format(Locale.ROOT, "A: %s → %s. B: %s → %s. %s (B/A = %.3f).",
                firstOutcome.get().label(), ByteCount.of(a).display(), secondOutcome.get().label(),
                ByteCount.of(b).display(), verdict, a == 0 ? 0.0 : (double) b / a));
    }

    private QueryParameters query() {
        Map<String, String> p = new LinkedHashMap<>();
        first.write(p, "");
        if (compare.getValue()) {
            p.put("compare", "1");
            second.write(p, B);
        }
        return QueryParameters.simple(p);
    }
}
