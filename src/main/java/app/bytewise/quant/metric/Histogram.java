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

    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }
}
