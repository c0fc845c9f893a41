package app.bytewise.quant.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

class RoundToNearestTest {

    @Test
    void symmetricInt4WorkedByHand() {
        FloatMatrix w = new FloatMatrix(1, 4, new float[] {-1f, 0.5f, 0.25f, 1f});
        QuantizedTensor q = RoundToNearest.quantize(w, new IntQuantConfig(4, true, Granularity.CHANNEL, 0));
        // scale = absmax / 7 = 0.142857…, stored as FP16 0.142822265625; codes −7, 4 (3.5008 rounds up), 2, 7.
        float s = 0.142822265625f;
        assertThat(q.dequantized().data()).containsExactly(-7 * s, 4 * s, 2 * s, 7 * s);
        assertThat(q.storedBits()).isEqualTo(4 * 4 + 16);
    }

    @Test
    void asymmetricIncludesZeroInTheRangeLikeGptqsQuantizer() {
        FloatMatrix w = new FloatMatrix(1, 3, new float[] {0.5f, 1f, 2f});
        QuantizedTensor q = RoundToNearest.quantize(w, new IntQuantConfig(2, false, Granularity.TENSOR, 0));
        // Range [0, 2] over 3 steps: scale 2/3 → FP16 0.66650390625, zero point 0; codes 1, 2 (1.5004 → 2), 3.
        float s = 0.66650390625f;
        assertThat(q.dequantized().data()).containsExactly(s, 2 * s, 3 * s);
    }

    @Test
    void finerGroupsLowerTheErrorAndCostScaleBits() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(64, 512, 7).withKind(
                app.bytewise.quant.tensor.TensorKind.STUDENT_T));
        QuantizedTensor perChannel = RoundToNearest.quantize(w, new IntQuantConfig(4, true, Granularity.CHANNEL, 0));
        QuantizedTensor group32 = RoundToNearest.quantize(w, new IntQuantConfig(4, true, Granularity.GROUP, 32));
        double channelError = ErrorMetrics.between(w.data(), perChannel.dequantized().data()).mse();
        double groupError = ErrorMetrics.between(w.data(), group32.dequantized().data()).mse();
        assertThat(groupError).isLessThan(channelError);
        assertThat(perChannel.bitsPerValue()).isCloseTo(4 + 16.0 / 512, within(1e-12));
        assertThat(group32.bitsPerValue()).isCloseTo(4.5, within(1e-12));
    }

    @Test
    void int8PerChannelIsNearlyLossless() {
        FloatMatrix w = TensorGenerator.generate(TensorSpec.gaussian(128, 256, 1));
        ErrorMetrics m = ErrorMetrics.between(w.data(),
                RoundToNearest.quantize(w, IntQuantConfig.int8PerChannel()).dequantized().data());
        // Uniform rounding noise of an 8-bit grid over ±~3.5σ: SQNR around 40 dB.
        assertThat(m.sqnrDb()).isBetween(35.0, 45.0);
        assertThat(m.cosineSimilarity()).isGreaterThan(0.9999);
    }
}
