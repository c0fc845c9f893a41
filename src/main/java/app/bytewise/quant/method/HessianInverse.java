package app.bytewise.quant.method;

/**
 * The layer Hessian of GPTQ and the upper Cholesky factor of its inverse, as arrays of rows.
 *
 * <p>GPTQ (Frantar et al. 2022, §4 and its reference {@code fasterquant}) needs U upper triangular
 * with H⁻¹ = UᵀU. Instead of inverting H and factoring again, this uses the reversal permutation
 * J: if J·H·J = RᵀR (R upper), then H⁻¹ = (J·R⁻ᵀ·J)ᵀ(J·R⁻ᵀ·J) and U = J·R⁻ᵀ·J is upper
 * triangular. One Cholesky and one triangular inverse instead of a Cholesky, an inverse and
 * another Cholesky.
 */
final class HessianInverse {

    /** Side of the square blocks in which the inverse is anti-transposed, to stay in cache. */
    private static final int BLOCK = 64;

    private HessianInverse() {
    }

    /** H = 2/N · XᵀX over N calibration rows of X (tokens × in, row-major), in double precision. */
    static double[][] hessian(float[] x, int tokens, int in, ProgressMonitor monitor) {
        double[][] h = GramMatrix.of(x, tokens, in, monitor);
        double scale = 2.0 / tokens;
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        return h;
    }

    /** Upper U with H⁻¹ = UᵀU (zeros below the diagonal); H must be positive definite. */
    static double[][] upperCholeskyOfInverse(double[][] h, ProgressMonitor monitor) {
        int n = h.length;
        double[][] reversed = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] from = h[n - 1 - i];
            double[] to = reversed[i];
            for (int j = 0; j < n; j++) {
                to[j] = from[n - 1 - j];
            }
        }
        if (!UpperCholesky.factor(reversed, monitor)) {
            throw new IllegalStateException("The damped Hessian is not positive definite; raise the dampening.");
        }
        double[][] inverse = UpperTriangularInverse.of(reversed, monitor);
        // U[i, j] = R⁻¹[n−1−j, n−1−i], an anti-transpose, by blocks.
        double[][] upper = new double[n][n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            for (int j0 = i0; j0 < n; j0 += BLOCK) {
                for (int i = i0; i < Math.min(n, i0 + BLOCK); i++) {
                    for (int j = Math.max(i, j0); j < Math.min(n, j0 + BLOCK); j++) {
                        upper[i][j] = inverse[n - 1 - j][n - 1 - i];
                    }
                }
            }
        }
        return upper;
    }
}
