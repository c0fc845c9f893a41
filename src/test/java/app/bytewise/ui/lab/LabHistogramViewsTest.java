package app.bytewise.ui.lab;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.tensor.TensorKind;
import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Image;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An outlier tensor's histograms: a zoom on the central mass and a log count, kept from row to row.
 * (The charts' axis titles are drawn as glyph outlines, so the text alternative is what is read.)
 */
class LabHistogramViewsTest extends KaribuTestBase {

    @SuppressWarnings("unchecked")
    @Test
    void theZoomSpreadsTheMassAndTheLogCountLabelsItsAxis() throws InterruptedException {
        openAnonymously();
        LabView lab = LabRuns.run(TensorKind.OUTLIER_CHANNELS, 64, 256, EnumSet.of(LabChoice.INT8_CHANNEL, LabChoice.Q4_K));

        String fullRange = charts().get(0).getAlt().orElseThrow();
        Checkbox zoom = _get(Checkbox.class, spec -> spec.withLabel("Central 99 % of the values"));
        zoom.setValue(true);
        String central = charts().get(0).getAlt().orElseThrow();
        // The alt text gives the range: the zoomed one is narrower than the full one.
        assertThat(span(central)).isLessThan(span(fullRange) / 2);

        Checkbox log = _get(Checkbox.class, spec -> spec.withLabel("Log count"));
        log.setValue(true);
        assertThat(charts().get(0).getAlt().orElseThrow()).endsWith("Counts on a log scale.");
        // Another row keeps both views.
        lab.results().grid().select(lab.results().outcomes().get(1));
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Log count")).getValue()).isTrue();
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Central 99 % of the values")).getValue()).isTrue();
        assertThat(charts().get(0).getAlt().orElseThrow()).endsWith("Counts on a log scale.");
    }

    private static List<Image> charts() {
        return _find(Image.class).stream().filter(i -> i.getAlt().orElse("").startsWith("Original histogram")).toList();
    }

    /** "… values in 64 bins from A to B; …" → B − A. */
    private static double span(String alt) {
        String from = alt.substring(alt.indexOf(" from ") + 6);
        double a = Double.parseDouble(from.substring(0, from.indexOf(" to ")));
        String to = from.substring(from.indexOf(" to ") + 4);
        double b = Double.parseDouble(to.substring(0, to.indexOf(';')));
        return b - a;
    }
}
