package app.bytewise.ui.lab;

import app.bytewise.quant.metric.Histogram;
import app.bytewise.ui.ChartImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Histograms as step lines, so the original and the dequantized values can share one plot: the
 * dequantized line collapses onto the format's few representable levels, which is the point.
 */
final class HistogramChart {

    private static final Color ORIGINAL = new Color(0x5B6C8F);
    private static final Color SECOND = new Color(0xE98B2A);

    private HistogramChart() {
    }

    /** Empty bins on a log axis: drawn at half a value, below the first tick (1), so the line stays whole. */
    private static final double EMPTY_ON_LOG = 0.5;

    static String overlay(String xLabel, Histogram original, Histogram dequantized, boolean logCount, int width, int height) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("Original", original, logCount));
        data.addSeries(series("Dequantized", dequantized, logCount));
        return render(xLabel, data, logCount, width, height);
    }

    static String single(String name, String xLabel, Histogram histogram, boolean logCount, int width, int height) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series(name, histogram, logCount));
        return render(xLabel, data, logCount, width, height);
    }

    /** A text alternative: range, bin count and where most values sit. */
    static String describe(String name, Histogram h) {
        int peak = 0;
        for (int i = 1; i < h.counts().length; i++) {
            if (h.counts()[i] > h.counts()[peak]) {
                peak = i;
            }
        }
        return String.format(Locale.ROOT, "%s histogram: %d values in %d bins from %.4g to %.4g; the fullest bin, "
                + "[%.4g, %.4g), holds %d.", name, h.total(), h.counts().length, h.edges()[0],
                h.edges()[h.edges().length - 1], h.edges()[peak], h.edges()[peak + 1], h.counts()[peak]);
    }

    private static XYSeries series(String name, Histogram h, boolean logCount) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < h.counts().length; i++) {
            s.add(h.edges()[i], count(h.counts()[i], logCount));
        }
        s.add(h.edges()[h.edges().length - 1], count(h.counts()[h.counts().length - 1], logCount));
        return s;
    }

    private static double count(long c, boolean logCount) {
        return logCount && c == 0 ? EMPTY_ON_LOG : c;
    }

    private static String render(String xLabel, XYSeriesCollection data, boolean logCount, int width, int height) {
        JFreeChart chart = ChartFactory.createXYLineChart(null, xLabel, logCount ? "Count (log)" : "Count", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, ORIGINAL);
        renderer.setSeriesPaint(1, SECOND);
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setSeriesStroke(1, new BasicStroke(3f));
        plot.setRenderer(renderer);
        if (logCount) {
            LogAxis counts = new LogAxis("Count (log)");
            counts.setBase(10);
            counts.setSmallestValue(EMPTY_ON_LOG);
            counts.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten
            counts.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            counts.setRange(EMPTY_ON_LOG, Math.max(10, 2 * data.getRangeUpperBound(false)));
            plot.setRangeAxis(counts);
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
        plot.getDomainAxis().setTickLabelFont(font);
        plot.getDomainAxis().setLabelFont(font);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setLabelFont(font);
        chart.getLegend().setItemFont(font);
        return ChartImage.svg(chart, width, height);
    }
}
