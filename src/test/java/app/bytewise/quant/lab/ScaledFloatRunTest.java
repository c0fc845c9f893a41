package app.bytewise.quant.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.mx.MxCodec;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The MX, NVFP4 and block-128 FP8 formats through the lab's entry point. */
class ScaledFloatRunTest {

    private static final FloatMatrix W = TensorGenerator.generate(TensorSpec.gaussian(64, 256, 3));

    /** 64 × 256 = 16,384 values: NVFP4 adds 32 bits per tensor, block128 two FP32 scales (64 × 256 is 1 × 2 blocks). */
    @ParameterizedTest
    @CsvSource({
        "mx:fp4, 4.25", "mx:fp6-e2m3, 6.25", "mx:fp6-e3m2, 6.25", "mx:fp8-e4m3, 8.25", "mx:fp8-e5m2, 8.25",
        "nvfp4, 4.501953125", "fp8-block128, 8.00390625"})
    void everyFormatRunsAndCountsItsBits(String format, double bits) {
        LabResult result = QuantLab.run(LabRequest.rtn(W, format), ProgressMonitor.NONE);
        assertThat(result.bitsPerWeight()).isCloseTo(bits, within(1e-12));
        assertThat(result.metrics().cosineSimilarity()).isGreaterThan(0.95);
        assertThat(result.encoded()).hasValueSatisfying(b -> assertThat(8L * b.length).isEqualTo(
                Math.round(bits * W.size())));
    }

    @Test
    void mxBytesAreTheCodecsBytes() {
        LabResult result = QuantLab.run(LabRequest.rtn(W, "MX:FP6-E3M2"), ProgressMonitor.NONE);
        MxCodec codec = MxCodec.of("fp6-e3m2");
        assertThat(result.encoded()).hasValueSatisfying(b -> assertThat(b).containsExactly(codec.encode(W.data()).bytes()));
        assertThat(result.scheme()).isEqualTo("MXFP6 E3M2");
    }

    @Test
    void blocksMustFitTheRowsAndNamesAreChecked() {
        FloatMatrix odd = TensorGenerator.generate(TensorSpec.gaussian(4, 40, 1));
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(odd, "mx:fp4"), ProgressMonitor.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("32");
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(odd, "nvfp4"), ProgressMonitor.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(W, "mx:int8"), ProgressMonitor.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mx:fp4");
        // Any shape works for the 128 × 128 blocks; 4 × 40 is one partial block.
        assertThat(QuantLab.run(LabRequest.rtn(odd, "fp8-block128"), ProgressMonitor.NONE).storedBytes())
                .isEqualTo(4 * 40 + 4);
    }
}
