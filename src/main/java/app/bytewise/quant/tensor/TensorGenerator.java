package app.bytewise.quant.tensor;

import java.util.SplittableRandom;

/**
 * Generates tensors from a {@link TensorSpec} with {@link SplittableRandom} seeded by the spec, so
 * the same spec gives the same tensor on every JVM. Normals come from Box–Muller in double
 * precision, rounded to float32.
 */
public final class TensorGenerator {

    private TensorGenerator() {
    }

    public static FloatMatrix generate(TensorSpec spec) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        int rows = spec.rows();
        int cols = spec.cols();
        float[] data = new float[rows * cols];
        Normal normal = new Normal(random);
        // Outlier columns are chosen from the seed too, spread over the feature axis.
        boolean[] outlier = outlierColumns(cols, spec.outliers(), new SplittableRandom(spec.seed() ^ 0x9E3779B97F4A7C15L));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double value = switch (spec.kind()) {
                    case GAUSSIAN -> spec.scale() * normal.next();
                    case STUDENT_T -> spec.scale() * studentT(normal, random, spec.degreesOfFreedom());
                    case OUTLIER_CHANNELS -> spec.scale() * normal.next() * (outlier[c] ? spec.outlierMagnitude() : 1);
                    // Outlier features are large in almost every token and keep their sign per feature,
                    // as the emergent features LLM.int8() describes.
                    case ACTIVATIONS -> outlier[c]
                            ? spec.scale() * spec.outlierMagnitude() * (c % 2 == 0 ? 1 : -1) * (1 + 0.25 * normal.next())
                            : spec.scale() * normal.next();
                };
                data[r * cols + c] = (float) value;
            }
        }
        return new FloatMatrix(rows, cols, data);
    }

    static boolean[] outlierColumns(int cols, int count, SplittableRandom random) {
        boolean[] chosen = new boolean[cols];
        int picked = 0;
        while (picked < count) {
            int c = random.nextInt(cols);
            if (!chosen[c]) {
                chosen[c] = true;
                picked++;
            }
        }
        return chosen;
    }

    /** t = Z / sqrt(χ²_ν / ν), with χ²_ν a sum of ν squared normals for integer ν, else a Gamma draw. */
    private static double studentT(Normal normal, SplittableRandom random, double nu) {
        double z = normal.next();
        double chi2 = 2 * gamma(random, normal, nu / 2);
        return z / Math.sqrt(chi2 / nu);
    }

    /** Marsaglia & Tsang (2000) Gamma(shape, 1) sampler, shape ≥ 1. */
    private static double gamma(SplittableRandom random, Normal normal, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal.next();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Box–Muller, caching the second value of each pair. */
    private static final class Normal {
        private final SplittableRandom random;
        private double spare;
        private boolean hasSpare;

        Normal(SplittableRandom random) {
            this.random = random;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            double radius = Math.sqrt(-2 * Math.log(u1));
            spare = radius * Math.sin(2 * Math.PI * u2);
            hasSpare = true;
            return radius * Math.cos(2 * Math.PI * u2);
        }
    }
}
