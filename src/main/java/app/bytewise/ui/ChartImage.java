package app.bytewise.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Server-side charts on a page: JFreeChart drawn into SVG (JFreeSVG's {@code SVGGraphics2D}), shown
 * as an image with a text alternative. Vector output is sharp at every device pixel ratio and zoom
 * level, where a PNG is sharp only at the ratio it was rendered for.
 */
public final class ChartImage {

    /**
     * Charts are laid out in a canvas twice their CSS size, so the fonts they set (e.g. 22 units)
     * read as about half that on the page once the image is scaled to its width.
     */
    private static final int LAYOUT_SCALE = 2;

    private ChartImage() {
    }

    /** The chart as a standalone SVG document whose viewBox lets it scale to any width. */
    public static String svg(JFreeChart chart, int width, int height) {
        int w = width * LAYOUT_SCALE;
        int h = height * LAYOUT_SCALE;
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        // Two decimals are far below a device pixel at any ratio and keep the document small.
        g2.setGeomDoubleConverter(ChartImage::twoDecimals);
        chart.draw(g2, new Rectangle(0, 0, w, h));
        return g2.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
    }

    /** The SVG as a full-width image; {@code alt} is what a screen reader says instead of the picture. */
    public static Image image(String svg, String alt) {
        Image image = new Image("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), alt);
        image.addClassName("bw-chart");
        image.setWidth("100%");
        return image;
    }

    /** A chart drawn at a given size (in CSS pixels, before {@link #LAYOUT_SCALE}). */
    @FunctionalInterface
    public interface Drawing {
        String svg(int width, int height);
    }

    /** The width a phone version is drawn at: about a phone's content width, so its text reads at full size. */
    public static final int PHONE_WIDTH = 360;

    /**
     * The chart twice, at the desktop size and at {@link #PHONE_WIDTH} (as tall as the desktop one),
     * with the style sheet showing one per screen width. One drawing scaled down to a phone would
     * shrink its 11-pixel text to 5 pixels; drawn for the phone's width, the text keeps its size and
     * the axes pick fewer ticks.
     */
    public static Div sized(Drawing drawing, String alt, int width, int height) {
        Image desktop = image(drawing.svg(width, height), alt);
        desktop.addClassName("bw-chart-desktop");
        Image phone = image(drawing.svg(PHONE_WIDTH, height), alt);
        phone.addClassName("bw-chart-phone");
        Div pair = new Div(desktop, phone);
        pair.addClassName("bw-chart-pair");
        return pair;
    }

    private static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        return hundredths % 100 == 0 ? Long.toString(hundredths / 100) : Double.toString(hundredths / 100.0);
    }
}
