package app.bytewise.quant.method;

import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DSubmatrixD1;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.MatrixOps_MT_DDRB;
import org.ejml.dense.block.TriangularSolver_MT_DDRB;
import org.ejml.dense.block.decomposition.chol.CholeskyOuterForm_MT_DDRB;

/**
 * The layer Hessian of GPTQ and the upper Cholesky factor of its inverse, with EJML's blocked,
 * multi-threaded routines (row-major versions are several times slower at n = 4096).
 *
 * <p>GPTQ (Frantar et al. 2022, §4 and its reference {@code fasterquant}) needs U upper triangular
 * with H⁻¹ = UᵀU. Instead of inverting H and factoring again, this uses the reversal permutation
 * J: if J·H·J = M·Mᵀ (M lower), then H⁻¹ = (J·M⁻¹·J)ᵀ(J·M⁻¹·J) and J·M⁻¹·J is upper triangular.
 * One Cholesky and one triangular inverse instead of a Cholesky, an inverse and another Cholesky.
 */
final class HessianInverse {

    private static final int BLOCK = 64;

    private HessianInverse() {
    }

    /** H = 2/N · XᵀX over N calibration rows of X (tokens × in), in double precision. */
    static double[] hessian(float[] x, int tokens, int in) {
        DMatrixRMaj xd = new DMatrixRMaj(tokens, in);
        for (int i = 0; i < x.length; i++) {
            xd.data[i] = x[i];
        }
        DMatrixRBlock xb = MatrixOps_DDRB.convert(xd, BLOCK);
        DMatrixRBlock hb = new DMatrixRBlock(in, in, BLOCK);
        MatrixOps_MT_DDRB.multTransA(xb, xb, hb);
        double[] h = MatrixOps_DDRB.convert(hb, (DMatrixRMaj) null).data;
        double scale = 2.0 / tokens;
        for (int i = 0; i < h.length; i++) {
            h[i] *= scale;
        }
        return h;
    }

    /** Upper U with H⁻¹ = UᵀU; H (n × n, row-major) must be positive definite. */
    static double[] upperCholeskyOfInverse(double[] h, int n) {
        DMatrixRMaj reversed = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reversed.data[i * n + j] = h[(n - 1 - i) * n + (n - 1 - j)];
            }
        }
        DMatrixRBlock block = MatrixOps_DDRB.convert(reversed, BLOCK);
        CholeskyOuterForm_MT_DDRB chol = new CholeskyOuterForm_MT_DDRB(true);
        if (!chol.decompose(block)) {
            throw new IllegalStateException("The damped Hessian is not positive definite; raise the dampening.");
        }
        DMatrixRBlock lower = chol.getT(null);
        DMatrixRBlock inverse = new DMatrixRBlock(n, n, BLOCK);
        TriangularSolver_MT_DDRB.invert(BLOCK, false, new DSubmatrixD1(lower), new DSubmatrixD1(inverse), null);
        double[] lowerInverse = MatrixOps_DDRB.convert(inverse, (DMatrixRMaj) null).data;
        double[] upper = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                upper[i * n + j] = lowerInverse[(n - 1 - i) * n + (n - 1 - j)];
            }
        }
        return upper;
    }
}
