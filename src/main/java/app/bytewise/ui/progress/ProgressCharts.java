package app.bytewise.ui.progress;

import app.bytewise.ui.ChartImage;
import app.bytewise.progress.DailyAccuracy;
import app.bytewise.progress.MasteryFigure;
import java.awt.Color;
import java.awt.Font;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The progress page's charts, rendered like the estimator's: mastery per practised topic and
 * accuracy per day, both in percent, each with a text alternative naming every bar.
 */
final class ProgressCharts {

    private static final Color TEAL = new Color(0x1B7F86);
    private static final Color ORANGE = new Color(0xE98B2A);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private ProgressCharts() {
    }

    static String masterySvg(List<MasteryFigure> practised, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        practised.forEach(m -> data.addValue(percent(m.mastery()), "Mastery", m.topic().title()));
        return percentBars(data, PlotOrientation.HORIZONTAL, TEAL, width, height);
    }

    static String describeMastery(List<MasteryFigure> practised) {
        StringBuilder text = new StringBuilder("Mastery by topic: ");
        practised.forEach(m -> text.append(m.topic().title()).append(' ').append(Math.round(percent(m.mastery())))
                .append("% (").append(answers(m.attempts())).append("); "));
        return text.toString();
    }

    static String accuracySvg(List<DailyAccuracy> days, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        days.forEach(d -> data.addValue(percent(d.accuracy()), "Accuracy", DAY.format(d.day())));
        return percentBars(data, PlotOrientation.VERTICAL, ORANGE, width, height);
    }

    static String describeAccuracy(List<DailyAccuracy> days) {
        StringBuilder text = new StringBuilder("Accuracy by day: ");
        days.forEach(d -> text.append(d.day()).append(' ').append(d.correct()).append(" of ").append(d.answered())
                .append(" right (").append(Math.round(percent(d.accuracy()))).append("%); "));
        return text.toString();
    }

    static String answers(int n) {
        return n == 1 ? "1 answer" : n + " answers";
    }

    private static double percent(double share) {
        return 100 * share;
    }

    private static String percentBars(DefaultCategoryDataset data, PlotOrientation orientation, Color color,
            int width, int height) {
        JFreeChart chart = ChartFactory.createBarChart(null, null, "%", data, orientation, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        NumberAxis percent = (NumberAxis) plot.getRangeAxis();
        percent.setRange(0, 100);
        percent.setTickUnit(new NumberTickUnit(20));
        // Room for the last tick label, which would otherwise be cut at the edge.
        chart.setPadding(new RectangleInsets(8, 8, 8, 24));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, color);
        renderer.setMaximumBarWidth(0.12);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setLabelFont(font);
        plot.getDomainAxis().setTickLabelFont(font);
        return ChartImage.svg(chart, width, height);
    }
}
