package app.bytewise.quant.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.engine.InvalidInputException;
import org.junit.jupiter.api.Test;

class TensorGeneratorTest {

    @Test
    void theSameSpecGivesTheSameTensor() {
        TensorSpec spec = TensorSpec.gaussian(64, 64, 42);
        assertThat(TensorGenerator.generate(spec).data()).containsExactly(TensorGenerator.generate(spec).data());
        assertThat(TensorGenerator.generate(spec).data())
                .isNotEqualTo(TensorGenerator.generate(TensorSpec.gaussian(64, 64, 43)).data());
    }

    @Test
    void gaussianHasTheRequestedSpreadAndStudentTHasHeavierTails() {
        float[] g = TensorGenerator.generate(new TensorSpec(TensorKind.GAUSSIAN, 512, 512, 1, 1.0, 0, 1, 5)).data();
        float[] t = TensorGenerator.generate(new TensorSpec(TensorKind.STUDENT_T, 512, 512, 1, 1.0, 0, 1, 5)).data();
        assertThat(moment(g, 2)).isCloseTo(1.0, within(0.01));
        assertThat(moment(g, 4) / Math.pow(moment(g, 2), 2)).isCloseTo(3.0, within(0.05)); // Gaussian kurtosis
        // Student-t with ν = 5: variance ν/(ν−2) = 5/3 and kurtosis 3 + 6/(ν−4) = 9 (sampling noise is large).
        assertThat(moment(t, 2)).isCloseTo(5.0 / 3, within(0.05));
        assertThat(moment(t, 4) / Math.pow(moment(t, 2), 2)).isGreaterThan(5);
    }

    @Test
    void activationsCarryConsistentOutlierFeatures() {
        FloatMatrix x = TensorGenerator.generate(TensorSpec.activations(256, 128, 9, 3));
        int outlierColumns = 0;
        for (int c = 0; c < 128; c++) {
            double meanAbs = 0;
            for (int r = 0; r < 256; r++) {
                meanAbs += Math.abs(x.get(r, c)) / 256;
            }
            if (meanAbs > 10) {
                outlierColumns++;
            }
        }
        assertThat(outlierColumns).isEqualTo(3);
    }

    @Test
    void sizesAreBounded() {
        assertThatThrownBy(() -> TensorSpec.gaussian(4097, 4096, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> new FloatMatrix(2, 2, new float[] {1, Float.NaN, 3, 4}).requireFinite("values"))
                .hasMessageContaining("row 0, column 1");
    }

    private static double moment(float[] values, int k) {
        double sum = 0;
        for (float v : values) {
            sum += Math.pow(v, k);
        }
        return sum / values.length;
    }
}
