package app.bytewise.quant.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.quant.metric.OutputError;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorKind;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GptqTest {

    private static final FloatMatrix WEIGHTS = TensorGenerator.generate(
            new TensorSpec(TensorKind.STUDENT_T, 96, 256, 11, 0.02, 0, 1, 5));
    private static final FloatMatrix CALIBRATION = correlatedActivations(1024, 256, 12);

    @Test
    void upperFactorOfTheInverseMatchesInvertThenFactor() {
        int n = 40;
        double[] h = spd(n, 3);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(h, i * n, i * n + n);
        }
        double[][] u = HessianInverse.upperCholeskyOfInverse(rows, ProgressMonitor.NONE);
        DMatrixRMaj inverse = new DMatrixRMaj(n, n, true, h);
        CommonOps_DDRM.invert(inverse);
        var chol = DecompositionFactory_DDRM.chol(n, false);
        assertThat(chol.decompose(inverse)).isTrue();
        DMatrixRMaj expected = chol.getT(null);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(u[i][j]).isCloseTo(expected.data[i * n + j], within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"4, 128, false", "4, 32, false", "3, 128, false", "4, 128, true", "4, 0, false"})
    void beatsRoundToNearestOnTheLayerOutput(int bits, int group, boolean actOrder) {
        IntQuantConfig quant = group == 0 ? new IntQuantConfig(bits, false, Granularity.CHANNEL, 0)
                : new IntQuantConfig(bits, false, Granularity.GROUP, group);
        QuantizedTensor rtn = RoundToNearest.quantize(WEIGHTS, quant);
        QuantizedTensor gptq = Gptq.quantize(WEIGHTS, CALIBRATION, GptqConfig.of(quant).withActOrder(actOrder),
                ProgressMonitor.NONE);
        double rtnError = OutputError.squaredError(CALIBRATION, WEIGHTS, rtn.dequantized());
        double gptqError = OutputError.squaredError(CALIBRATION, WEIGHTS, gptq.dequantized());
        assertThat(gptqError).isLessThan(0.8 * rtnError);
        // Same grid, so the same storage plus GPTQ's g_idx.
        assertThat(gptq.storedBits()).isEqualTo(rtn.storedBits() + 32L * 256);
    }

    @Test
    void everyQuantizedValueLiesOnItsGroupGrid() {
        IntQuantConfig quant = new IntQuantConfig(4, false, Granularity.GROUP, 64);
        float[] q = Gptq.quantize(WEIGHTS, CALIBRATION, GptqConfig.of(quant), ProgressMonitor.NONE).dequantized().data();
        for (int r = 0; r < 96; r++) {
            for (int g = 0; g < 256; g += 64) {
                java.util.Set<Float> levels = new java.util.HashSet<>();
                for (int c = g; c < g + 64; c++) {
                    levels.add(q[r * 256 + c]);
                }
                assertThat(levels.size()).isLessThanOrEqualTo(16);
            }
        }
    }

    @Test
    void inputsThatNeverFireZeroTheirWeightColumn() {
        float[] x = CALIBRATION.data().clone();
        for (int t = 0; t < CALIBRATION.rows(); t++) {
            x[t * 256 + 5] = 0;
        }
        FloatMatrix dead = new FloatMatrix(CALIBRATION.rows(), 256, x);
        float[] q = Gptq.quantize(WEIGHTS, dead, GptqConfig.of(IntQuantConfig.int4Group(128)), ProgressMonitor.NONE)
                .dequantized().data();
        for (int r = 0; r < 96; r++) {
            assertThat(Math.abs(q[r * 256 + 5])).isLessThan(0.02f); // quantized zero, within one grid step
        }
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        double[] last = {0};
        Gptq.quantize(WEIGHTS, CALIBRATION, GptqConfig.of(IntQuantConfig.int4Group(128)), new ProgressMonitor() {
            @Override
            public void report(double fraction) {
                assertThat(fraction).isGreaterThanOrEqualTo(last[0]);
                last[0] = fraction;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(last[0]).isEqualTo(1.0);
        assertThatThrownBy(() -> Gptq.quantize(WEIGHTS, CALIBRATION, GptqConfig.of(IntQuantConfig.int4Group(128)),
                new ProgressMonitor() {
                    @Override
                    public void report(double fraction) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return true;
                    }
                })).isInstanceOf(CancellationException.class);
    }

    @Test
    void checksForCancellationWithinTheHessianAndItsFactorisation() {
        int[] checks = {0};
        java.util.List<Integer> checksAtReport = new java.util.ArrayList<>();
        Gptq.quantize(WEIGHTS, CALIBRATION, GptqConfig.of(IntQuantConfig.int4Group(128)), new ProgressMonitor() {
            @Override
            public void report(double fraction) {
                checksAtReport.add(checks[0]);
            }

            @Override
            public synchronized boolean isCancelled() {
                checks[0]++;
                return false;
            }
        });
        // First report after the Hessian, the second after the factor of its inverse: both phases
        // check several times, not only at their ends.
        assertThat(checksAtReport.get(0)).isGreaterThan(2);
        assertThat(checksAtReport.get(1) - checksAtReport.get(0)).isGreaterThan(2);
    }

    /** Activations whose features are correlated (a low-rank mix plus noise), as real layer inputs are. */
    static FloatMatrix correlatedActivations(int tokens, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rank = 16;
        double[][] mix = new double[rank][features];
        for (double[] row : mix) {
            for (int j = 0; j < features; j++) {
                row[j] = random.nextGaussian() * (j % 17 == 0 ? 4 : 1);
            }
        }
        float[] x = new float[tokens * features];
        for (int t = 0; t < tokens; t++) {
            double[] z = new double[rank];
            for (int k = 0; k < rank; k++) {
                z[k] = random.nextGaussian();
            }
            for (int j = 0; j < features; j++) {
                double v = 0.3 * random.nextGaussian();
                for (int k = 0; k < rank; k++) {
                    v += z[k] * mix[k][j];
                }
                x[t * features + j] = (float) v;
            }
        }
        return new FloatMatrix(tokens, features, x);
    }

    private static double[] spd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
        }
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.5 : 0;
                for (int k = 0; k < n; k++) {
                    s += a[k * n + i] * a[k * n + j];
                }
                h[i * n + j] = s;
            }
        }
        return h;
    }
}
