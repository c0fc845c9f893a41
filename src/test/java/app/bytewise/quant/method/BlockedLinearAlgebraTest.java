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
        double[][] h = GramMatrix.of(x, TOKENS, N, ProgressMonitor.NONE);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double s = 0;
                for (int t = 0; t < TOKENS; t++) {
                    s += (double) x[t * N + i] * x[t * N + j];
                }
                assertThat(h[i][j]).isEqualTo(s);
            }
        }
    }

    @Test
    void upperCholeskyMatchesTheUnblockedFactorisation() {
        double[][] a = spd(N, 2);
        double[][] r = copy(a);
        assertThat(UpperCholesky.factor(r, ProgressMonitor.NONE)).isTrue();
        double[][] expected = naiveUpperCholesky(a);
        for (int i = 0; i < N; i++) {
            for (int j = i; j < N; j++) {
                assertThat(r[i][j]).isCloseTo(expected[i][j], within(1e-12));
            }
        }
    }

    @Test
    void upperCholeskyRejectsAnIndefiniteMatrix() {
        double[][] a = spd(N, 3);
        a[200][200] = -1;
        assertThat(UpperCholesky.factor(a, ProgressMonitor.NONE)).isFalse();
    }

    @Test
    void triangularInverseTimesTheMatrixIsTheIdentity() {
        double[][] r = spd(N, 4);
        assertThat(UpperCholesky.factor(r, ProgressMonitor.NONE)).isTrue();
        double[][] s = UpperTriangularInverse.of(r, ProgressMonitor.NONE);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double p = 0;
                for (int m = i; m <= j; m++) {
                    p += s[i][m] * r[m][j];
                }
                assertThat(p).isCloseTo(i == j ? 1 : 0, within(1e-10));
                if (j < i) {
                    assertThat(s[i][j]).isZero();
                }
            }
        }
    }

    private static double[][] naiveUpperCholesky(double[][] a) {
        int n = a.length;
        double[][] r = copy(a);
        for (int c = 0; c < n; c++) {
            double d = Math.sqrt(r[c][c]);
            r[c][c] = d;
            for (int j = c + 1; j < n; j++) {
                r[c][j] /= d;
            }
            for (int i = c + 1; i < n; i++) {
                for (int j = i; j < n; j++) {
                    r[i][j] -= r[c][i] * r[c][j];
                }
            }
        }
        return r;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
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
    private static double[][] spd(int n, long seed) {
        double[][] h = GramMatrix.of(randomFloats(n * n, seed), n, n, ProgressMonitor.NONE);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = h[i][j] / n + (i == j ? 1 : 0);
            }
        }
        return h;
    }
}
