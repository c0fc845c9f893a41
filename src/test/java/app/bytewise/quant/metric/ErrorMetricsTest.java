package app.bytewise.quant.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorMetricsTest {

    @Test
    void valuesWorkedByHand() {
        ErrorMetrics m = ErrorMetrics.between(new float[] {1, 2, 3}, new float[] {1, 2, 4});
        assertThat(m.mse()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.maxAbsError()).isEqualTo(1.0);
        assertThat(m.sqnrDb()).isCloseTo(10 * Math.log10(14.0), within(1e-12));          // 11.46 dB
        assertThat(m.cosineSimilarity()).isCloseTo(17 / Math.sqrt(14.0 * 21), within(1e-12));
        assertThat(m.relativeFrobeniusError()).isCloseTo(Math.sqrt(1 / 14.0), within(1e-12));
    }

    @Test
    void anExactCopyHasInfiniteSqnr() {
        ErrorMetrics m = ErrorMetrics.between(new float[] {0.5f, -1}, new float[] {0.5f, -1});
        assertThat(m.sqnrDb()).isInfinite();
        assertThat(m.cosineSimilarity()).isEqualTo(1.0);
    }

    @Test
    void histogramCountsEveryValueOnce() {
        Histogram h = Histogram.of(new float[] {0, 0.1f, 0.5f, 0.99f, 1}, 2);
        assertThat(h.edges()).containsExactly(0, 0.5, 1);
        assertThat(h.counts()).containsExactly(2, 3);
        assertThat(h.total()).isEqualTo(5);
    }
}
