package app.bytewise.quant.method;

import java.util.stream.IntStream;

/**
 * C += sign · AᵀA on the upper triangle of the trailing block C[from:, from:], with A given by its
 * rows t0 to t1. The kernel of both XᵀX for the GPTQ Hessian and the trailing update of the
 * blocked Cholesky factorisation (Golub and Van Loan, "Matrix Computations", §4.2: a symmetric
 * rank-k update).
 *
 * <p>Tiles of C stay in cache while every row of A passes over them, and each element takes its
 * products one at a time in the order of A's rows: the naive loop's rounding, bit for bit.
 * Matrices are arrays of rows, and every array in the inner loop is indexed by the same column j:
 * the JIT then vectorises it, which it does not when one flat array is read and another of the
 * same type written at different offsets (they might overlap).
 */
final class UpperRankUpdate {

    /** Rows of C per task: more rows reuse each row slice of A more often. */
    private static final int PANEL = 32;
    /** Columns of C per tile: PANEL × TILE doubles = 64 KiB, which stays in L2 while A streams by. */
    private static final int TILE = 256;

    private UpperRankUpdate() {
    }

    /**
     * C[i][j] += sign · Σ_{t0 ≤ t < t1} A[t][i]·A[t][j] for from ≤ i ≤ j < c.length; sign is 1 or −1
     * (multiplying by it is exact). A's rows may be rows of C above {@code from}. Rows of C are
     * split over the common pool; cancellation is checked between tiles.
     */
    static void apply(double[][] a, int t0, int t1, double[][] c, int from, double sign, ProgressMonitor monitor) {
        int n = c.length;
        int panels = Math.ceilDiv(n - from, PANEL);
        // Panel p has n − from − p·PANEL columns; pairing the first with the last evens out the tasks.
        IntStream.range(0, panels).parallel().forEach(q -> {
            int p = q % 2 == 0 ? q / 2 : panels - 1 - q / 2;
            int i0 = from + p * PANEL;
            int i1 = Math.min(n, i0 + PANEL);
            for (int j0 = i0; j0 < n; j0 += TILE) {
                monitor.checkCancelled();
                tile(a, t0, t1, c, sign, i0, i1, j0, Math.min(n, j0 + TILE));
            }
        });
    }

    private static void tile(double[][] a, int t0, int t1, double[][] c, double sign, int i0, int i1, int j0, int j1) {
        int t = t0;
        // Four rows of A per pass, so each load and store of C carries four products.
        for (; t + 4 <= t1; t += 4) {
            double[] x0 = a[t];
            double[] x1 = a[t + 1];
            double[] x2 = a[t + 2];
            double[] x3 = a[t + 3];
            for (int i = i0; i < i1; i++) {
                double a0 = sign * x0[i];
                double a1 = sign * x1[i];
                double a2 = sign * x2[i];
                double a3 = sign * x3[i];
                double[] ci = c[i];
                for (int j = Math.max(j0, i); j < j1; j++) {
                    double s = ci[j];
                    s += a0 * x0[j];
                    s += a1 * x1[j];
                    s += a2 * x2[j];
                    s += a3 * x3[j];
                    ci[j] = s;
                }
            }
        }
        for (; t < t1; t++) {
            double[] x0 = a[t];
            for (int i = i0; i < i1; i++) {
                double a0 = sign * x0[i];
                double[] ci = c[i];
                for (int j = Math.max(j0, i); j < j1; j++) {
                    ci[j] += a0 * x0[j];
                }
            }
        }
    }
}
