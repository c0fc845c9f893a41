package app.bytewise.quant.method;

/**
 * The layer Hessian of GPTQ and the upper Cholesky factor of its inverse.
 *
 * <p>GPTQ (Frantar et al. 2022, §4 and its reference {@code fasterquant}) needs U upper triangular
 * with H⁻¹ = UᵀU. Instead of inverting H and factoring again, this uses the reversal permutation
 * J: if J·H·J = RᵀR (R upper), then H⁻¹ = (J·R⁻ᵀ·J)ᵀ(J·R⁻ᵀ·J) and U = J·R⁻ᵀ·J is upper
 * triangular. One Cholesky and one triangular inverse instead of a Cholesky, an inverse and
 * another Cholesky.
 */
final class HessianInverse {

    /** Side of the square blocks in which matrices are reversed and transposed, to stay in cache. */
    private static final int BLOCK = 64;

    private HessianInverse() {
    }

    /** H = 2/N · XᵀX over N calibration rows of X (tokens × in), in double precision. */
    static double[] hessian(float[] x, int tokens, int in, ProgressMonitor monitor) {
        double[] h = GramMatrix.of(x, tokens, in, monitor);
        double scale = 2.0 / tokens;
        for (int i = 0; i < h.length; i++) {
            h[i] *= scale;
        }
        return h;
    }

    /** Upper U with H⁻¹ = UᵀU; H (n × n, row-major) must be positive definite. */
    static double[] upperCholeskyOfInverse(double[] h, int n, ProgressMonitor monitor) {
        double[] reversed = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reversed[i * n + j] = h[(n - 1 - i) * n + (n - 1 - j)];
            }
        }
        if (!UpperCholesky.factor(reversed, n, monitor)) {
            throw new IllegalStateException("The damped Hessian is not positive definite; raise the dampening.");
        }
        double[] inverse = UpperTriangularInverse.of(reversed, n, monitor);
        // U[i, j] = R⁻¹[n−1−j, n−1−i], an anti-transpose, by blocks.
        double[] upper = new double[n * n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            for (int j0 = i0; j0 < n; j0 += BLOCK) {
                for (int i = i0; i < Math.min(n, i0 + BLOCK); i++) {
                    for (int j = Math.max(i, j0); j < Math.min(n, j0 + BLOCK); j++) {
                        upper[i * n + j] = inverse[(n - 1 - j) * n + (n - 1 - i)];
                    }
                }
            }
        }
        return upper;
    }
}
