package app.bytewise.quant.method;

/**
 * XᵀX of a tokens × n matrix X, in double. XᵀX is symmetric, so only its upper triangle is
 * computed ({@link UpperRankUpdate}) and then mirrored. Each element sums its products in token
 * order, as the naive triple loop does.
 */
final class GramMatrix {

    private GramMatrix() {
    }

    /** Row-major n × n XᵀX; checks for cancellation between tiles. */
    static double[] of(float[] x, int tokens, int n, ProgressMonitor monitor) {
        double[] xd = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        double[] h = new double[n * n];
        UpperRankUpdate.apply(xd, 0, n, tokens, h, 0, n, n, 1, monitor);
        monitor.checkCancelled();
        mirrorUpper(h, n);
        return h;
    }

    /** Copies the upper triangle onto the lower, in square blocks so both sides stay in cache. */
    static void mirrorUpper(double[] h, int n) {
        int b = 64;
        for (int i0 = 0; i0 < n; i0 += b) {
            for (int j0 = i0; j0 < n; j0 += b) {
                for (int i = i0; i < Math.min(n, i0 + b); i++) {
                    for (int j = Math.max(j0, i + 1); j < Math.min(n, j0 + b); j++) {
                        h[j * n + i] = h[i * n + j];
                    }
                }
            }
        }
    }
}
