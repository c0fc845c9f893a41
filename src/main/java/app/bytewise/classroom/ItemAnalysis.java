package app.bytewise.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Item statistics as Moodle's quiz statistics report computes them
 * (https://docs.moodle.org/dev/Quiz_statistics_calculations), for items scored from 0 to 1:
 * <ul>
 * <li>facility index F = 100 · (mean(x) − min) / (max − min) = 100 · mean item score;</li>
 * <li>discrimination index D = 100 · r(x, X − x), the correlation between the item's score and the
 * score on the rest of the test, so an item does not correlate with itself. Undefined (empty) when
 * either varies not at all, as Moodle leaves it blank.</li>
 * </ul>
 */
public final class ItemAnalysis {

    /** One item's indices, both in percent. */
    public record Indices(double facility, OptionalDouble discrimination) {
    }

    private ItemAnalysis() {
    }

    /** {@code scores[s][i]}: student s's score on item i; every row has the same length. */
    public static List<Indices> of(List<double[]> scores) {
        if (scores.isEmpty()) {
            return List.of();
        }
        int items = scores.get(0).length;
        List<Indices> indices = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            double[] item = new double[scores.size()];
            double[] rest = new double[scores.size()];
            for (int s = 0; s < scores.size(); s++) {
                double[] row = scores.get(s);
                double total = 0;
                for (double x : row) {
                    total += x;
                }
                item[s] = row[i];
                rest[s] = total - row[i];
            }
            indices.add(new Indices(100 * mean(item), correlation(item, rest).stream().map(r -> 100 * r).findFirst()));
        }
        return indices;
    }

    static OptionalDouble correlation(double[] x, double[] y) {
        if (x.length < 2) {
            return OptionalDouble.empty();
        }
        double mx = mean(x);
        double my = mean(y);
        double cov = 0;
        double vx = 0;
        double vy = 0;
        for (int k = 0; k < x.length; k++) {
            cov += (x[k] - mx) * (y[k] - my);
            vx += (x[k] - mx) * (x[k] - mx);
            vy += (y[k] - my) * (y[k] - my);
        }
        // The 1/(n−1) factors of covariance and variances cancel.
        return vx == 0 || vy == 0 ? OptionalDouble.empty() : OptionalDouble.of(cov / Math.sqrt(vx * vy));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
