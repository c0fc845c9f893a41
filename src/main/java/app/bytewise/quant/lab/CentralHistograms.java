package app.bytewise.quant.lab;

import app.bytewise.quant.metric.Histogram;

/**
 * A lab result's histograms again over the range that holds the central {@link #COVERAGE} of the
 * values, a zoom on the mass that a few outliers would squeeze into a few bins: original and
 * dequantized over the original's central range (so they stay comparable), the error over its own.
 */
public record CentralHistograms(Histogram original, Histogram reconstructed, Histogram error) {

    public static final double COVERAGE = 0.99;

    static CentralHistograms of(float[] original, float[] approx, float[] error, int bins) {
        double[] range = Histogram.centralRange(original, COVERAGE);
        return new CentralHistograms(Histogram.of(original, bins, range[0], range[1]),
                Histogram.of(approx, bins, range[0], range[1]), Histogram.central(error, bins, COVERAGE));
    }
}
