package app.bytewise.quant.metric;

/**
 * Counts per bin, ready to plot: {@code edges} has one more entry than {@code counts}; bins are
 * half-open [edge_i, edge_i+1) except the last, which includes its right edge.
 */
public record Histogram(double[] edges, long[] counts) {

    public static Histogram of(float[] values, int bins) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return of(values, bins, min, max);
    }

    public static Histogram of(float[] values, int bins, double min, double max) {
        if (bins < 1 || values.length == 0) {
            throw new IllegalArgumentException("need at least one bin and one value");
        }
        if (max <= min) {
            max = min + 1e-12; // a constant tensor still gets one non-empty bin
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = min + (max - min) * i / bins;
        }
        long[] counts = new long[bins];
        double width = (max - min) / bins;
        for (float v : values) {
            if (v < min || v > max) {
                continue;
            }
            int bin = (int) ((v - min) / width);
            counts[Math.min(bin, bins - 1)]++;
        }
        return new Histogram(edges, counts);
    }

    /**
     * The range holding the central {@code coverage} of the values: from the (1 − coverage)/2 to the
     * (1 + coverage)/2 quantile, read off a 4,096-bin histogram of the full range (one pass, no sort),
     * so each end is within 1/4,096 of the full range of the exact quantile. A zoom on the mass when a
     * few outliers stretch the full range: 64 bins over an outlier tensor's range put nearly everything
     * in three of them.
     */
    public static double[] centralRange(float[] values, double coverage) {
        if (!(coverage > 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage must be in (0, 1]");
        }
        Histogram fine = of(values, 4096);
        long tail = (long) Math.floor(values.length * (1 - coverage) / 2);
        long seen = 0;
        int low = 0;
        while (low < fine.counts.length - 1 && seen + fine.counts[low] <= tail) {
            seen += fine.counts[low++];
        }
        seen = 0;
        int high = fine.counts.length - 1;
        while (high > low && seen + fine.counts[high] <= tail) {
            seen += fine.counts[high--];
        }
        return new double[] {fine.edges[low], fine.edges[high + 1]};
    }

    /** The histogram over the central {@code coverage} of the values; values outside are left out. */
    public static Histogram central(float[] values, int bins, double coverage) {
        double[] range = centralRange(values, coverage);
        return of(values, bins, range[0], range[1]);
    }

    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }
}
