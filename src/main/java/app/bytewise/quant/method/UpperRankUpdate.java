package app.bytewise.quant.method;

import java.util.stream.IntStream;

/**
 * C += sign · AᵀA on the upper triangle of a square block of C, where A is a k × size block
 * (row-major, in a larger array). The kernel of both XᵀX for the GPTQ Hessian and the trailing
 * update of the blocked Cholesky factorisation (Golub and Van Loan, "Matrix Computations", §4.2,
 * a symmetric rank-k update).
 *
 * <p>Tiles of C stay in cache while every row of A passes over them, and each element takes its
 * products one at a time in the order of A's rows: the naive loop's rounding, bit for bit. The
 * inner loop runs along a row of C and is vectorised by the JIT.
 */
final class UpperRankUpdate {

    /** Rows of C per task: more rows reuse each row slice of A more often. */
    private static final int PANEL = 32;
    /** Columns of C per tile: PANEL × TILE doubles = 64 KiB, which stays in L2 while A streams by. */
    private static final int TILE = 256;

    private UpperRankUpdate() {
    }

    /**
     * C[i, j] += sign · Σ_t A[t, i]·A[t, j] for 0 ≤ i ≤ j < size, with A[t, i] = a[aOff + t·lda + i]
     * and C[i, j] = c[cOff + i·ldc + j]; sign is 1 or −1 (multiplying by it is exact). Rows of C
     * are split over the common pool; cancellation is checked between tiles.
     */
    static void apply(double[] a, int aOff, int lda, int k, double[] c, int cOff, int ldc, int size, double sign,
            ProgressMonitor monitor) {
        int panels = Math.ceilDiv(size, PANEL);
        // Panel p has size − p·PANEL columns; pairing the first with the last evens out the tasks.
        IntStream.range(0, panels).parallel().forEach(q -> {
            int p = q % 2 == 0 ? q / 2 : panels - 1 - q / 2;
            int i0 = p * PANEL;
            int i1 = Math.min(size, i0 + PANEL);
            for (int j0 = i0; j0 < size; j0 += TILE) {
                monitor.checkCancelled();
                tile(a, aOff, lda, k, c, cOff, ldc, sign, i0, i1, j0, Math.min(size, j0 + TILE));
            }
        });
    }

    private static void tile(double[] a, int aOff, int lda, int k, double[] c, int cOff, int ldc, double sign, int i0,
            int i1, int j0, int j1) {
        int t = 0;
        // Four rows of A per pass, so each load and store of C carries four products.
        for (; t + 4 <= k; t += 4) {
            int x0 = aOff + t * lda;
            int x1 = x0 + lda;
            int x2 = x1 + lda;
            int x3 = x2 + lda;
            for (int i = i0; i < i1; i++) {
                double a0 = sign * a[x0 + i];
                double a1 = sign * a[x1 + i];
                double a2 = sign * a[x2 + i];
                double a3 = sign * a[x3 + i];
                int row = cOff + i * ldc;
                for (int j = Math.max(j0, i); j < j1; j++) {
                    double s = c[row + j];
                    s += a0 * a[x0 + j];
                    s += a1 * a[x1 + j];
                    s += a2 * a[x2 + j];
                    s += a3 * a[x3 + j];
                    c[row + j] = s;
                }
            }
        }
        for (; t < k; t++) {
            int x0 = aOff + t * lda;
            for (int i = i0; i < i1; i++) {
                double a0 = sign * a[x0 + i];
                int row = cOff + i * ldc;
                for (int j = Math.max(j0, i); j < j1; j++) {
                    c[row + j] += a0 * a[x0 + j];
                }
            }
        }
    }
}
