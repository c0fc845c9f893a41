package app.bytewise.quant.method;

import java.util.stream.IntStream;

/**
 * S = R⁻¹ for an upper triangular R (an array of rows), by rows: row i of S·R = eᵢ gives
 * S[i, j] = (δᵢⱼ − Σ_{i ≤ m < j} S[i, m]·R[m, j]) / R[j, j] (Golub and Van Loan, "Matrix
 * Computations", §3.1, substitution along the rows). Rows of S are independent, so blocks of
 * ROWS rows run in parallel, each reusing every row slice of R it loads for all its rows. Sums run
 * in order of m, as the unblocked substitution's do.
 */
final class UpperTriangularInverse {

    /** Rows of S per task: each loaded slice of R serves this many rows. */
    private static final int ROWS = 32;
    /** Columns of S per tile: ROWS × TILE doubles = 64 KiB, which stays in L2 while R streams by. */
    private static final int TILE = 256;

    private UpperTriangularInverse() {
    }

    /** R⁻¹ (upper triangular, zeros below), reading only the upper triangle of r. */
    static double[][] of(double[][] r, ProgressMonitor monitor) {
        int n = r.length;
        double[][] s = new double[n][n];
        int blocks = Math.ceilDiv(n, ROWS);
        // Block b has about n − b·ROWS columns to do; pairing the first with the last evens out the tasks.
        IntStream.range(0, blocks).parallel().forEach(q -> {
            int b = q % 2 == 0 ? q / 2 : blocks - 1 - q / 2;
            int i0 = b * ROWS;
            int i1 = Math.min(n, i0 + ROWS);
            for (int j0 = i0; j0 < n; j0 += TILE) {
                monitor.checkCancelled();
                int j1 = Math.min(n, j0 + TILE);
                accumulate(r, s, i0, i1, j0, j1);
                substitute(r, s, i0, i1, j0, j1);
            }
        });
        return s;
    }

    /**
     * S[i, j0:j1] += Σ_{i0 ≤ m < j0} S[i, m]·R[m, j0:j1] for the block's rows, four m at a time
     * (S[i, m] is zero for m < i, which adds exact zeros).
     */
    private static void accumulate(double[][] r, double[][] s, int i0, int i1, int j0, int j1) {
        int m = i0;
        for (; m + 4 <= j0; m += 4) {
            double[] r0 = r[m];
            double[] r1 = r[m + 1];
            double[] r2 = r[m + 2];
            double[] r3 = r[m + 3];
            for (int i = i0; i < i1; i++) {
                double[] si = s[i];
                double a0 = si[m];
                double a1 = si[m + 1];
                double a2 = si[m + 2];
                double a3 = si[m + 3];
                for (int j = j0; j < j1; j++) {
                    double acc = si[j];
                    acc += a0 * r0[j];
                    acc += a1 * r1[j];
                    acc += a2 * r2[j];
                    acc += a3 * r3[j];
                    si[j] = acc;
                }
            }
        }
        for (; m < j0; m++) {
            double[] r0 = r[m];
            for (int i = i0; i < i1; i++) {
                double[] si = s[i];
                double a0 = si[m];
                for (int j = j0; j < j1; j++) {
                    si[j] += a0 * r0[j];
                }
            }
        }
    }

    /** Within the tile: finish each column j in turn, then pass its contribution to the columns after it. */
    private static void substitute(double[][] r, double[][] s, int i0, int i1, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            double[] rj = r[j];
            double d = rj[j];
            int top = Math.min(i1, j + 1);
            for (int i = i0; i < top; i++) {
                double[] si = s[i];
                double v = ((i == j ? 1 : 0) - si[j]) / d;
                si[j] = v;
                for (int k = j + 1; k < j1; k++) {
                    si[k] += v * rj[k];
                }
            }
        }
    }
}
