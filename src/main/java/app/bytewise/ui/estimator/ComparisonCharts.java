package app.bytewise.ui.estimator;

import app.bytewise.engine.ByteCount;
import app.bytewise.ui.ChartImage;
import app.bytewise.ui.ComponentNames;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Configurations A and B drawn on one scale, so bars and curves can be compared by eye: the two
 * breakdowns stacked on one GiB axis, the difference B − A per component (above zero where B needs
 * more), and both context curves on one pair of axes. Each chart has a text alternative.
 */
final class ComparisonCharts {

    private static final Color A = new Color(0x1B7F86);
    private static final Color B = new Color(0xE98B2A);
    private static final Color MORE = new Color(0xC0392B);
    private static final Color LESS = new Color(0x2E7D32);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 22);

    private ComparisonCharts() {
    }

    /** Both breakdowns as two stacked bars, "A" and "B", on one GiB axis. */
    static String breakdown(Map<String, Long> a, Map<String, Long> b, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String key : keys(a, b)) {
            data.addValue(gib(a.getOrDefault(key, 0L)), ComponentNames.of(key), "A");
            data.addValue(gib(b.getOrDefault(key, 0L)), ComponentNames.of(key), "B");
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "GiB", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        style(chart.getCategoryPlot());
        MemoryChart.paint(chart.getCategoryPlot().getRenderer(), data.getRowCount());
        chart.getLegend().setItemFont(FONT);
        chart.setBackgroundPaint(Color.WHITE);
        return ChartImage.svg(chart, width, height);
    }

    /** B − A for every component, in GiB: red where B needs more, green where it needs less. */
    static String difference(Map<String, Long> a, Map<String, Long> b, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String key : keys(a, b)) {
            data.addValue(gib(b.getOrDefault(key, 0L) - a.getOrDefault(key, 0L)), "B − A", ComponentNames.of(key));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "B − A (GiB)", data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(plot);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRenderer(new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Number v = getPlot().getDataset().getValue(row, column);
                return v != null && v.doubleValue() > 0 ? MORE : LESS;
            }
        });
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        chart.setBackgroundPaint(Color.WHITE);
        return ChartImage.svg(chart, width, height);
    }

    /** Both totals against the context length on one log-2 token axis and one GiB axis. */
    static String curves(ContextCurve a, ContextCurve b, int width, int height) {
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(series("A", a));
        series.addSeries(series("B", b));
        JFreeChart chart = ChartFactory.createXYLineChart(null, "Context (tokens)", "GiB", series,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainAxis(ContextCurve.contextAxis(width));
        plot.getRenderer().setSeriesPaint(0, A);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(4f));
        plot.getRenderer().setSeriesPaint(1, B);
        plot.getRenderer().setSeriesStroke(1, new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {10f, 6f}, 0f));
        List.of(plot.getDomainAxis(), plot.getRangeAxis()).forEach(axis -> {
            axis.setTickLabelFont(FONT);
            axis.setLabelFont(FONT);
        });
        chart.getLegend().setItemFont(FONT);
        chart.setBackgroundPaint(Color.WHITE);
        return ChartImage.svg(chart, width, height);
    }

    /** Text alternative of the two charts of components: each component's A, B and difference. */
    static String describe(Map<String, Long> a, Map<String, Long> b) {
        StringBuilder text = new StringBuilder("A and B by component: ");
        for (String key : keys(a, b)) {
            long x = a.getOrDefault(key, 0L);
            long y = b.getOrDefault(key, 0L);
            text.append(ComponentNames.of(key)).append(" A ").append(ByteCount.of(x).display()).append(", B ")
                    .append(ByteCount.of(y).display()).append(", B − A ").append(y >= x ? "" : "−")
                    .append(ByteCount.of(Math.abs(y - x)).display()).append("; ");
        }
        return text.toString().strip();
    }

    static String describeCurves(ContextCurve a, ContextCurve b) {
        return "Total memory by context length, A: " + a.describe() + " B: " + b.describe();
    }

    private static XYSeries series(String name, ContextCurve curve) {
        XYSeries s = new XYSeries(name);
        curve.points().forEach(p -> s.add(p.contextTokens(), gib(p.totalBytes())));
        return s;
    }

    private static Set<String> keys(Map<String, Long> a, Map<String, Long> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.getRangeAxis().setTickLabelFont(FONT);
        plot.getRangeAxis().setLabelFont(FONT);
        plot.getDomainAxis().setTickLabelFont(FONT);
    }

    private static double gib(long bytes) {
        return bytes / (double) (1L << 30);
    }
}
