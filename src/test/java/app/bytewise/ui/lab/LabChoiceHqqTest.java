package app.bytewise.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.lab.LabMethod;
import app.bytewise.quant.lab.LabResult;
import app.bytewise.quant.lab.QuantLab;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

/** The lab page's "HQQ 4-bit group 64" choice: HQQ's BaseQuantizeConfig(nbits=4, group_size=64). */
class LabChoiceHqqTest {

    @Test
    void theHqqChoiceRunsWithHqqsDefaults() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(32, 128, 1));
        FloatMatrix x = TensorGenerator.generate(TensorSpec.activations(64, 128, 2, 4));
        LabChoice choice = LabChoice.HQQ_4BIT;
        assertThat(choice.label()).isEqualTo("HQQ 4-bit group 64");
        assertThat(choice.method()).isEqualTo(LabMethod.HQQ);
        LabResult r = QuantLab.run(choice.request(w, x, 32), ProgressMonitor.NONE);
        assertThat(r.scheme()).isEqualTo("HQQ 4-bit, group 64");
        assertThat(r.bitsPerWeight()).isEqualTo(4.5);
        assertThat(r.outputError()).isPresent();
        assertThat(r.error().total()).isEqualTo(w.size());
        assertThat(choice.cost(4096, 4096, 0).toSeconds()).isLessThan(30);
    }
}
