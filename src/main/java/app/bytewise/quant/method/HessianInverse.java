package app.bytewise.quant.method;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The layer Hessian of GPTQ and the upper Cholesky factor of its inverse.
 *
 * <p>GPTQ (Frantar et al. 2022, §4 and its reference {@code fasterquant}) needs U upper triangular
 * with H⁻¹ = UᵀU. Instead of inverting H and factoring again, this uses the reversal permutation
 * J: if J·H·J = M·Mᵀ (M lower), then H⁻¹ = (J·M⁻¹·J)ᵀ(J·M⁻¹·J) and J·M⁻¹·J is upper triangular.
 * One Cholesky and one triangular inverse instead of a Cholesky, an inverse and another Cholesky.
 */
final class HessianInverse {

    private HessianInverse() {
    }

    /** H = 2/N · XᵀX over N calibration rows of X (tokens × in), in double precision. */
    static double[] hessian(float[] x, int tokens, int in) {
        DMatrixRMaj xd = new DMatrixRMaj(tokens, in);
        for (int i = 0; i < x.length; i++) {
            xd.data[i] = x[i];
        }
        DMatrixRMaj h = new DMatrixRMaj(in, in);
        CommonOps_MT_DDRM.multTransA(xd, xd, h);
        CommonOps_DDRM.scale(2.0 / tokens, h);
        return h.data;
    }

    /** Upper U with H⁻¹ = UᵀU; H (n × n, row-major) must be positive definite. */
    static double[] upperCholeskyOfInverse(double[] h, int n) {
        DMatrixRMaj reversed = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reversed.data[i * n + j] = h[(n - 1 - i) * n + (n - 1 - j)];
            }
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_MT_DDRM.chol(n, true);
        if (!chol.decompose(reversed)) {
            throw new IllegalStateException("The damped Hessian is not positive definite; raise the dampening.");
        }
        DMatrixRMaj lower = chol.getT(null);
        TriangularSolver_DDRM.invertLower(lower.data, n);
        double[] upper = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                upper[i * n + j] = lower.data[(n - 1 - i) * n + (n - 1 - j)];
            }
        }
        return upper;
    }
}
