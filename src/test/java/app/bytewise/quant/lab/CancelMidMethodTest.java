package app.bytewise.quant.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** AWQ's α grid and HQQ's optimizer steps stop at the next step once the run is cancelled. */
class CancelMidMethodTest {

    /** Cancelled after the first progress report or check: the method must not run to its end. */
    private static ProgressMonitor cancelledAfterFirstCheck(AtomicInteger checks) {
        return new ProgressMonitor() {
            @Override
            public void report(double fraction) {
            }

            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > 1;
            }
        };
    }

    @Test
    void awqStopsBetweenItsAlphaValues() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(64, 256, 3));
        FloatMatrix x = TensorGenerator.generate(TensorSpec.activations(64, 256, 4, 4));
        AtomicInteger checks = new AtomicInteger();
        LabRequest r = LabRequest.rtn(w, "int4").with(LabMethod.AWQ, Granularity.GROUP, 128, false).withInputs(x);
        assertThatThrownBy(() -> QuantLab.run(r, cancelledAfterFirstCheck(checks)))
                .isInstanceOf(CancellationException.class);
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void hqqStopsBetweenItsOptimizerSteps() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(64, 256, 3));
        AtomicInteger checks = new AtomicInteger();
        LabRequest r = LabRequest.rtn(w, "int4").with(LabMethod.HQQ, Granularity.GROUP, 64, false);
        assertThatThrownBy(() -> QuantLab.run(r, cancelledAfterFirstCheck(checks)))
                .isInstanceOf(CancellationException.class);
        assertThat(checks.get()).isEqualTo(2);
    }
}
