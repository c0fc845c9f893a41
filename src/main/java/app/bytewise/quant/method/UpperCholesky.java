package app.bytewise.quant.method;

import java.util.stream.IntStream;

/**
 * In-place upper Cholesky factorisation A = RᵀR of a symmetric positive definite matrix (an array
 * of rows), blocked right-looking (Golub and Van Loan, "Matrix Computations", Algorithm 4.2.2,
 * written for the upper factor so that every inner loop runs along a row). Each block of NB rows
 * is factored, then the rest of the matrix takes one rank-NB update ({@link UpperRankUpdate}).
 * Every element gets its subtractions in the order of the unblocked algorithm.
 */
final class UpperCholesky {

    /** Rows per block: the block's rows (NB × n doubles, 4 MiB at n = 4096) stay in the L3 cache. */
    private static final int NB = 128;
    /** Columns per parallel task when the block's rows are solved against its diagonal block. */
    private static final int CHUNK = 512;

    private UpperCholesky() {
    }

    /**
     * Overwrites the upper triangle of a with R (the strict lower triangle is left as it was).
     *
     * @return false if a is not (numerically) positive definite
     */
    static boolean factor(double[][] a, ProgressMonitor monitor) {
        int n = a.length;
        for (int start = 0; start < n; start += NB) {
            monitor.checkCancelled();
            int k0 = start;
            int k1 = Math.min(n, k0 + NB);
            if (!factorDiagonalBlock(a, k0, k1)) {
                return false;
            }
            if (k1 == n) {
                break;
            }
            // R[k0:k1, k1:] = R11⁻ᵀ·A[k0:k1, k1:], the columns independent of each other.
            IntStream.range(0, Math.ceilDiv(n - k1, CHUNK)).parallel().forEach(chunk -> {
                int j0 = k1 + chunk * CHUNK;
                solvePanel(a, k0, k1, j0, Math.min(n, j0 + CHUNK));
            });
            // A[k1:, k1:] −= R[k0:k1, k1:]ᵀ·R[k0:k1, k1:]
            UpperRankUpdate.apply(a, k0, k1, a, k1, -1, monitor);
        }
        return true;
    }

    /** The unblocked algorithm on the diagonal block A[k0:k1, k0:k1]. */
    private static boolean factorDiagonalBlock(double[][] a, int k0, int k1) {
        for (int c = k0; c < k1; c++) {
            double[] rc = a[c];
            double d = rc[c];
            if (!(d > 0)) {
                return false;
            }
            double r = Math.sqrt(d);
            rc[c] = r;
            for (int j = c + 1; j < k1; j++) {
                rc[j] /= r;
            }
            for (int i = c + 1; i < k1; i++) {
                double f = rc[i];
                double[] ai = a[i];
                for (int j = i; j < k1; j++) {
                    ai[j] -= f * rc[j];
                }
            }
        }
        return true;
    }

    /** The block's rows over columns [j0, j1), with the operations the unblocked loop does there. */
    private static void solvePanel(double[][] a, int k0, int k1, int j0, int j1) {
        for (int c = k0; c < k1; c++) {
            double[] rc = a[c];
            double r = rc[c];
            for (int j = j0; j < j1; j++) {
                rc[j] /= r;
            }
            for (int i = c + 1; i < k1; i++) {
                double f = rc[i];
                double[] ai = a[i];
                for (int j = j0; j < j1; j++) {
                    ai[j] -= f * rc[j];
                }
            }
        }
    }
}
