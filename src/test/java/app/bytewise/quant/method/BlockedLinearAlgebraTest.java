package app.bytewise.quant.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blocked kernels behind GPTQ's Hessian and its inverse, against naive loops on small matrices. */
class BlockedLinearAlgebraTest {

    // Sizes that are not multiples of the unrolling (4), the panels (32), the blocks (128) or tiles (256).
    private static final int TOKENS = 37;
    private static final int N = 301;

    @Test
    void gramMatrixEqualsTheNaiveProductBitForBit() {
        float[] x = randomFloats(TOKENS * N, 1);
        double[] h = GramMatrix.of(x, TOKENS, N, ProgressMonitor.NONE);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int t = 0; t < TOKENS; t++) {
                    s += (double) x[t * N + i] * x[t * N + j];
                }
                assertThat(h[i * N + j]).isEqualTo(s);
            }
        }
    }

    @Test
    void upperCholeskyMatchesTheUnblockedFactorisation() {
        double[] a = spd(N, 2);
        double[] r = a.clone();
        assertThat(UpperCholesky.factor(r, N, ProgressMonitor.NONE)).isTrue();
        double[] expected = naiveUpperCholesky(a, N);
        for (int i = 0; i < N; i++) {
            for (int j = i; j < N; j++) {
                assertThat(r[i * N + j]).isCloseTo(expected[i * N + j], within(1e-12));
            }
        }
    }

    @Test
    void upperCholeskyRejectsAnIndefiniteMatrix() {
        double[] a = spd(N, 3);
        a[200 * N + 200] = -1;
        assertThat(UpperCholesky.factor(a, N, ProgressMonitor.NONE)).isFalse();
    }

    @Test
    void triangularInverseTimesTheMatrixIsTheIdentity() {
        double[] r = spd(N, 4);
        assertThat(UpperCholesky.factor(r, N, ProgressMonitor.NONE)).isTrue();
        double[] s = UpperTriangularInverse.of(r, N, ProgressMonitor.NONE);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double p = 0;
                for (int m = i; m <= j; m++) {
                    p += s[i * N + m] * r[m * N + j];
                }
                assertThat(p).isCloseTo(i == j ? 1 : 0, within(1e-10));
                if (j < i) {
                    assertThat(s[i * N + j]).isZero();
                }
            }
        }
    }

    private static double[] naiveUpperCholesky(double[] a, int n) {
        double[] r = a.clone();
        for (int c = 0; c < n; c++) {
            double d = Math.sqrt(r[c * n + c]);
            r[c * n + c] = d;
            for (int j = c + 1; j < n; j++) {
                r[c * n + j] /= d;
            }
            for (int i = c + 1; i < n; i++) {
                for (int j = i; j < n; j++) {
                    r[i * n + j] -= r[c * n + i] * r[c * n + j];
                }
            }
        }
        return r;
    }

    private static float[] randomFloats(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    /** AᵀA/n + I for a random A: well conditioned, so the tolerances above are meaningful. */
    private static double[] spd(int n, long seed) {
        float[] a = randomFloats(n * n, seed);
        double[] h = GramMatrix.of(a, n, n, ProgressMonitor.NONE);
        for (int i = 0; i < h.length; i++) {
            h[i] /= n;
        }
        for (int i = 0; i < n; i++) {
            h[i * n + i] += 1;
        }
        return h;
    }
}
