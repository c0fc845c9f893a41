package app.bytewise.ui.estimator;

import app.bytewise.ui.ChartImage;
import app.bytewise.engine.ByteCount;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.model.Architecture;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Total inference memory as the context grows, every point computed by the engine for the same
 * request with only the context length changed. Contexts double from 512 tokens up to the model's
 * context ({@code max_position_embeddings}), or to the chosen context if that is longer, where the
 * part beyond the model's context is drawn apart and the limit is marked; without a known limit, up
 * to twice the chosen context. Capped at 1M tokens. The linear growth of the KV cache over a fixed
 * weight floor is visible on the log axis.
 *
 * @param modelContext the model's context in tokens, 0 if unknown
 */
record ContextCurve(List<Point> points, long gpuBytes, long modelContext) {

    private static final long FIRST = 512;
    private static final long CAP = 1L << 20;

    /** One context length and the total bytes the engine gives for it. */
    record Point(long contextTokens, long totalBytes) {
    }

    static ContextCurve of(InferenceRequest request) {
        long trained = request.model().architecture().map(Architecture::maxPositions).orElse(0L);
        long last = Math.min(CAP, trained > 0 ? Math.max(trained, request.contextLength())
                : Math.max(2 * request.contextLength(), 8 * FIRST));
        List<Long> contexts = new ArrayList<>();
        for (long c = FIRST; c < last; c *= 2) {
            contexts.add(c);
        }
        contexts.add(last);
        if (trained > FIRST && trained < last && !contexts.contains(trained)) {
            contexts.add(contexts.indexOf(contexts.stream().filter(c -> c > trained).findFirst().orElse(last)), trained);
        }
        List<Point> points = new ArrayList<>();
        for (long c : contexts) {
            // The memory alone: the fit searches and speed bounds of a full estimate are not plotted.
            long total;
            try {
                total = InferenceEstimator.memory(request.withContext(c, request.batchSize())).totalBytes();
            } catch (InvalidInputException beyondALong) {
                break; // longer contexts only need more: the curve ends where the bytes overflow a long
            }
            points.add(new Point(c, total));
        }
        long gpu = request.gpu().map(g -> g.usableBytes() * request.gpuCount()).orElse(0L);
        return new ContextCurve(List.copyOf(points), gpu, trained);
    }

    String svg(int width, int height) {
        XYSeries total = new XYSeries("Total");
        XYSeries beyond = new XYSeries("Beyond the model's context");
        points.forEach(p -> {
            double gib = ByteCount.of(p.totalBytes()).gibibytes().doubleValue();
            if (modelContext == 0 || p.contextTokens() <= modelContext) {
                total.add(p.contextTokens(), gib);
            }
            if (modelContext > 0 && p.contextTokens() >= modelContext) {
                beyond.add(p.contextTokens(), gib);
            }
        });
        XYSeriesCollection series = new XYSeriesCollection(total);
        if (beyond.getItemCount() > 1) {
            series.addSeries(beyond);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "Context (tokens)", "GiB",
                series, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainAxis(contextAxis(width));
        plot.getRenderer().setSeriesPaint(0, new Color(0x1B7F86));
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(4f));
        plot.getRenderer().setSeriesPaint(1, new Color(0x8A8F98));
        plot.getRenderer().setSeriesStroke(1, new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 6f}, 0f));
        if (modelContext > 0) {
            ValueMarker limit = new ValueMarker(modelContext, new Color(0x5B2C83), new BasicStroke(3f));
            limit.setLabel(String.format(Locale.ROOT, " model's context %,d ", modelContext));
            limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
            limit.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            limit.setLabelPaint(new Color(0x5B2C83));
            limit.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addDomainMarker(limit);
        }
        if (gpuBytes > 0) {
            ValueMarker limit = new ValueMarker(ByteCount.of(gpuBytes).gibibytes().doubleValue(),
                    new Color(0xC0392B), new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {12f, 8f}, 0f));
            limit.setLabel("GPU memory ");
            limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            limit.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            limit.setLabelPaint(new Color(0xC0392B));
            limit.setLabelBackgroundColor(new Color(0, 0, 0, 0)); // JFreeChart's default is a grey box
            plot.addRangeMarker(limit);
            // Auto-range fits the curve only; keep the GPU line in view when it is above the curve.
            double top = Math.max(plot.getRangeAxis().getUpperBound(), limit.getValue() * 1.08);
            plot.getRangeAxis().setRange(0, top);
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
        List.of(plot.getDomainAxis(), plot.getRangeAxis()).forEach(a -> {
            a.setTickLabelFont(font);
            a.setLabelFont(font);
        });
        return ChartImage.svg(chart, width, height);
    }

    /**
     * The context axis: log 2, a tick at every power of two (log-space unit 1) labelled as a plain
     * token count; every fourth power on a phone-width drawing, where "131,072" and its neighbours
     * would overlap.
     */
    static LogAxis contextAxis(int width) {
        LogAxis contexts = new LogAxis("Context (tokens)");
        contexts.setBase(2);
        contexts.setTickUnit(new NumberTickUnit(width < 500 ? 2 : 1));
        contexts.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return contexts;
    }

    /** A text alternative: every plotted point. */
    String describe() {
        StringBuilder text = new StringBuilder("Total memory by context length: ");
        points.forEach(p -> text.append(p.contextTokens()).append(" tokens ")
                .append(ByteCount.of(p.totalBytes()).display()).append("; "));
        if (gpuBytes > 0) {
            text.append("GPU memory ").append(ByteCount.of(gpuBytes).display()).append(". ");
        }
        if (modelContext > 0) {
            text.append(String.format(Locale.ROOT, "The model's context: %,d tokens", modelContext))
                    .append(points.stream().anyMatch(p -> p.contextTokens() > modelContext)
                            ? "; longer contexts are drawn dashed, beyond what the model was made for." : ".");
        }
        return text.toString().strip();
    }
}
