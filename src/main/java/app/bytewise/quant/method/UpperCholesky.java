package app.bytewise.quant.method;

import java.util.stream.IntStream;

/**
 * In-place upper Cholesky factorisation A = RᵀR of a symmetric positive definite row-major matrix,
 * blocked right-looking (Golub and Van Loan, "Matrix Computations", Algorithm 4.2.2, written for
 * the upper factor so that every inner loop runs along a row). Each block of NB rows is factored,
 * then the rest of the matrix takes one rank-NB update ({@link UpperRankUpdate}). Every element
 * gets its subtractions in the order of the unblocked algorithm, so the rounding is the same.
 */
final class UpperCholesky {

    /** Rows per block: the panel copy NB × n doubles (4 MiB at n = 4096) stays in the L3 cache. */
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
    static boolean factor(double[] a, int n, ProgressMonitor monitor) {
        for (int start = 0; start < n; start += NB) {
            monitor.checkCancelled();
            int k0 = start;
            int k1 = Math.min(n, k0 + NB);
            if (!factorDiagonalBlock(a, n, k0, k1)) {
                return false;
            }
            int rest = n - k1;
            if (rest == 0) {
                break;
            }
            // R[k0:k1, k1:] = R11⁻ᵀ·A[k0:k1, k1:], the columns independent of each other.
            IntStream.range(0, Math.ceilDiv(rest, CHUNK)).parallel().forEach(chunk -> {
                int j0 = k1 + chunk * CHUNK;
                solvePanel(a, n, k0, k1, j0, Math.min(n, j0 + CHUNK));
            });
            // A[k1:, k1:] −= R[k0:k1, k1:]ᵀ·R[k0:k1, k1:], from a contiguous copy of the panel.
            int rows = k1 - k0;
            double[] panel = new double[rows * rest];
            for (int t = 0; t < rows; t++) {
                System.arraycopy(a, (k0 + t) * n + k1, panel, t * rest, rest);
            }
            UpperRankUpdate.apply(panel, 0, rest, rows, a, k1 * n + k1, n, rest, -1, monitor);
        }
        return true;
    }

    /** The unblocked algorithm on the diagonal block A[k0:k1, k0:k1]. */
    private static boolean factorDiagonalBlock(double[] a, int n, int k0, int k1) {
        for (int c = k0; c < k1; c++) {
            double d = a[c * n + c];
            if (!(d > 0)) {
                return false;
            }
            double r = Math.sqrt(d);
            a[c * n + c] = r;
            for (int j = c + 1; j < k1; j++) {
                a[c * n + j] /= r;
            }
            for (int i = c + 1; i < k1; i++) {
                double f = a[c * n + i];
                for (int j = i; j < k1; j++) {
                    a[i * n + j] -= f * a[c * n + j];
                }
            }
        }
        return true;
    }

    /** The block's rows over columns [j0, j1), with the same operations the unblocked loop does there. */
    private static void solvePanel(double[] a, int n, int k0, int k1, int j0, int j1) {
        for (int c = k0; c < k1; c++) {
            double r = a[c * n + c];
            int row = c * n;
            for (int j = j0; j < j1; j++) {
                a[row + j] /= r;
            }
            for (int i = c + 1; i < k1; i++) {
                double f = a[row + i];
                int target = i * n;
                for (int j = j0; j < j1; j++) {
                    a[target + j] -= f * a[row + j];
                }
            }
        }
    }
}
