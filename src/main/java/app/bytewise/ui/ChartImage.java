package app.bytewise.ui;

import com.vaadin.flow.component.html.Image;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Server-side charts on a page: JFreeChart rendered to PNG, shown as an image with a text alternative. */
public final class ChartImage {

    private ChartImage() {
    }

    /** Renders at twice the CSS size so text stays sharp on high-density screens. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width * 2, height * 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG as a full-width image; {@code alt} is what a screen reader says instead of the picture. */
    public static Image image(byte[] png, String alt) {
        Image image = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png), alt);
        image.addClassName("bw-chart");
        image.setWidth("100%");
        return image;
    }
}
