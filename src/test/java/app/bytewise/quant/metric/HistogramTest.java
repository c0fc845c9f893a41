package app.bytewise.quant.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    /** A Gaussian tensor with four outliers at ±1000: the full range is mostly empty bins. */
    private static float[] withOutliers() {
        Random random = new Random(7);
        float[] v = new float[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        v[10] = 1000;
        v[20] = -1000;
        v[30] = 900;
        v[40] = -900;
        return v;
    }

    @Test
    void anOutlierTensorsFullRangePutsNearlyEverythingInTwoBins() {
        Histogram full = Histogram.of(withOutliers(), 64);
        long fullest = Arrays.stream(full.counts()).sorted().skip(62).sum();
        assertThat(fullest).isGreaterThan(99_990);
    }

    @Test
    void theCentralRangeIsTheQuantilesWithinAFineBin() {
        float[] v = withOutliers();
        double[] range = Histogram.centralRange(v, 0.99);
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        // The 0.5th and 99.5th percentiles of N(0, 1) are ∓2.576; read off bins 2000/4096 ≈ 0.49 wide.
        double fineBin = 2000.0 / 4096;
        assertThat(range[0]).isCloseTo(sorted[500], within(fineBin));
        assertThat(range[1]).isCloseTo(sorted[v.length - 501], within(fineBin));
        assertThat(range[0]).isLessThanOrEqualTo(sorted[500]);
        assertThat(range[1]).isGreaterThanOrEqualTo(sorted[v.length - 501]);

        Histogram central = Histogram.central(v, 64, 0.99);
        assertThat(central.total()).isBetween(99_000L, 100_000L);
        // The mass spreads over many of the 64 bins instead of two.
        assertThat(Arrays.stream(central.counts()).filter(c -> c > 100).count()).isGreaterThan(30);
    }

    @Test
    void fullCoverageIsTheWholeRange() {
        float[] v = {1, 2, 3, 4};
        assertThat(Histogram.centralRange(v, 1.0)).containsExactly(1.0, 4.0);
        assertThat(Histogram.central(v, 4, 1.0).total()).isEqualTo(4);
    }
}
