package app.bytewise.quant.method;

/**
 * XᵀX of a tokens × n matrix X, in double. XᵀX is symmetric, so only its upper triangle is
 * computed ({@link UpperRankUpdate}) and then mirrored. Each element sums its products in token
 * order, as the naive triple loop does.
 */
final class GramMatrix {

    private GramMatrix() {
    }

    /** XᵀX as n rows of n, X row-major; checks for cancellation between tiles. */
    static double[][] of(float[] x, int tokens, int n, ProgressMonitor monitor) {
        double[][] rows = new double[tokens][n];
        for (int t = 0; t < tokens; t++) {
            for (int j = 0; j < n; j++) {
                rows[t][j] = x[t * n + j];
            }
        }
        double[][] h = new double[n][n];
        UpperRankUpdate.apply(rows, 0, tokens, h, 0, 1, monitor);
        monitor.checkCancelled();
        mirrorUpper(h);
        return h;
    }

    /** Copies the upper triangle onto the lower, in square blocks so both sides stay in cache. */
    static void mirrorUpper(double[][] h) {
        int n = h.length;
        int b = 64;
        for (int i0 = 0; i0 < n; i0 += b) {
            for (int j0 = i0; j0 < n; j0 += b) {
                for (int i = i0; i < Math.min(n, i0 + b); i++) {
                    for (int j = Math.max(j0, i + 1); j < Math.min(n, j0 + b); j++) {
                        h[j][i] = h[i][j];
                    }
                }
            }
        }
    }
}
