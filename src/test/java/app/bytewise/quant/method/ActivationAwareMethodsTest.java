package app.bytewise.quant.method;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.inference.KvFormat;
import app.bytewise.quant.metric.ErrorMetrics;
import app.bytewise.quant.metric.OutputError;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

/** AWQ, LLM.int8(), SmoothQuant and KIVI each beat the naive scheme on the data they were made for. */
class ActivationAwareMethodsTest {

    /** 512 tokens × 256 features, 6 of them emergent outlier features of magnitude ~20. */
    private static final FloatMatrix ACTIVATIONS = TensorGenerator.generate(TensorSpec.activations(512, 256, 21, 6));
    private static final FloatMatrix WEIGHTS = TensorGenerator.generate(TensorSpec.gaussian(128, 256, 22));

    @Test
    void awqBeatsRoundToNearestWhenActivationsHaveOutlierChannels() {
        IntQuantConfig config = new IntQuantConfig(3, false, Granularity.GROUP, 128);
        double rtn = OutputError.squaredError(ACTIVATIONS, WEIGHTS, RoundToNearest.quantize(WEIGHTS, config).dequantized());
        Awq.Result awq = Awq.quantize(WEIGHTS, ACTIVATIONS, config);
        double awqError = OutputError.squaredError(ACTIVATIONS, WEIGHTS, awq.quantized().dequantized());
        assertThat(awqError).isLessThan(0.7 * rtn);
        assertThat(awq.alpha()).isGreaterThan(0);
        // α = 0 is RTN exactly.
        assertThat(awq.errorPerAlpha()[0]).isEqualTo(rtn);
        assertThat(awq.quantized().storedBits()).isEqualTo(RoundToNearest.quantize(WEIGHTS, config).storedBits());
    }

    @Test
    void llmInt8KeepsOutlierFeaturesInSixteenBitsAndBeatsPlainInt8() {
        MatmulResult decomposed = LlmInt8.multiply(ACTIVATIONS, WEIGHTS, LlmInt8.DEFAULT_THRESHOLD);
        MatmulResult plain = LlmInt8.multiplyWithoutDecomposition(ACTIVATIONS, WEIGHTS);
        assertThat(decomposed.outlierColumns()).hasSize(6);
        assertThat(decomposed.error().mse()).isLessThan(plain.error().mse() / 10);
        // INT8 codes for 250 columns, FP16 for the 6 outlier ones, an FP32 scale per row.
        assertThat(decomposed.weightBits()).isEqualTo(128L * 250 * 8 + 128L * 6 * 16 + 128L * 32);
    }

    @Test
    void withoutOutliersLlmInt8IsPlainInt8() {
        FloatMatrix calm = TensorGenerator.generate(TensorSpec.activations(64, 256, 3, 0));
        MatmulResult decomposed = LlmInt8.multiply(calm, WEIGHTS, LlmInt8.DEFAULT_THRESHOLD);
        assertThat(decomposed.outlierColumns()).isEmpty();
        assertThat(decomposed.output().data()).containsExactly(
                LlmInt8.multiplyWithoutDecomposition(calm, WEIGHTS).output().data());
    }

    @Test
    void smoothQuantMigratesTheDifficultyToTheWeights() {
        MatmulResult smoothed = SmoothQuant.multiply(ACTIVATIONS, WEIGHTS, SmoothQuant.DEFAULT_ALPHA);
        MatmulResult plain = LlmInt8.multiplyWithoutDecomposition(ACTIVATIONS, WEIGHTS);
        assertThat(smoothed.error().mse()).isLessThan(plain.error().mse() / 2);
    }

    @Test
    void kiviQuantizesKeysPerChannelBecauseKeyOutliersLiveInChannels() {
        // Key caches have a few channels of consistently large magnitude (KIVI, Figure 2).
        FloatMatrix keys = TensorGenerator.generate(TensorSpec.activations(512, 128, 5, 4));
        Kivi.Config config = new Kivi.Config(2, 32, 128);
        double perChannel = ErrorMetrics.between(keys.data(), Kivi.keys(keys, config).dequantized().data()).mse();
        double perToken = ErrorMetrics.between(keys.data(), Kivi.values(keys, config).dequantized().data()).mse();
        assertThat(perChannel).isLessThan(perToken / 2);
    }

    @Test
    void kiviBytesAgreeWithTheEnginesKvCacheCount() {
        FloatMatrix keys = TensorGenerator.generate(TensorSpec.gaussian(1000, 128, 1));
        FloatMatrix values = TensorGenerator.generate(TensorSpec.gaussian(1000, 128, 2));
        Kivi.Config config = new Kivi.Config(2, KvFormat.KIVI_GROUP, KvFormat.KIVI_RESIDUAL);
        long stored = Kivi.keys(keys, config).storedBytes() + Kivi.values(values, config).storedBytes();
        assertThat(stored).isEqualTo(KvFormat.parse("int2").layerBytes(1000, 128));
        // The residual window is kept at FP16 precision.
        int last = 999 * 128;
        assertThat(Kivi.keys(keys, config).dequantized().data()[last]).isEqualTo(LlmInt8.half(keys.data()[last]));
    }
}
