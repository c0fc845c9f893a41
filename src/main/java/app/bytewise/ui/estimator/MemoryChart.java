package app.bytewise.ui.estimator;

import app.bytewise.engine.ByteCount;
import app.bytewise.ui.ChartImage;
import app.bytewise.ui.ComponentNames;
import java.awt.Color;
import java.awt.Font;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The memory breakdown as a horizontal stacked bar in GiB, drawn server-side by JFreeChart into SVG
 * (see {@link ChartImage}).
 */
final class MemoryChart {

    /** One colour per component a training estimate can have (nine), so no two share one. */
    private static final Color[] PALETTE = {new Color(0x1B7F86), new Color(0xE98B2A), new Color(0x5B6C8F),
        new Color(0x9C4F96), new Color(0x6FA34A), new Color(0xB0B7C3), new Color(0xC0392B), new Color(0x8D6E63),
        new Color(0x26A69A)};

    private MemoryChart() {
    }

    static String svg(String title, Map<String, Long> components, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        components.forEach((k, v) -> data.addValue(ByteCount.of(v).gibibytes().doubleValue(), ComponentNames.of(k), title));
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "GiB", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        paint(plot.getRenderer(), components.size());
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setLabelFont(font);
        plot.getDomainAxis().setTickLabelFont(font);
        chart.getLegend().setItemFont(font);
        return ChartImage.svg(chart, width, height);
    }

    /** Flat bars, one palette colour per series. */
    static void paint(org.jfree.chart.renderer.category.CategoryItemRenderer renderer, int series) {
        StackedBarRenderer bars = (StackedBarRenderer) renderer;
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int i = 0; i < series; i++) {
            bars.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    /** A text alternative: every component with its size. */
    static String describe(Map<String, Long> components) {
        StringBuilder text = new StringBuilder("Memory breakdown: ");
        components.forEach((k, v) -> text.append(ComponentNames.of(k)).append(' ').append(ByteCount.of(v).display()).append("; "));
        return text.toString();
    }
}
