package app.bytewise.quant.lab;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.tensor.FloatMatrix;
import org.junit.jupiter.api.Test;

class ImatrixTest {

    /** Three tokens of two features: column means of x² are (1 + 4 + 9)/3 and (0.25 + 0 + 0.25)/3. */
    @Test
    void meanOfSquaredInputsPerColumn() {
        FloatMatrix x = new FloatMatrix(3, 2, new float[] {1, 0.5f, -2, 0, 3, -0.5f});
        assertThat(Imatrix.of(x)).containsExactly(14f / 3, 0.5f / 3);
    }
}
