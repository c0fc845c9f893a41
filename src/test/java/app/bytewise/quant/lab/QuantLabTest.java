package app.bytewise.quant.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuantLabTest {

    private static final FloatMatrix W = TensorGenerator.generate(TensorSpec.gaussian(64, 256, 3));
    private static final FloatMatrix X = TensorGenerator.generate(TensorSpec.activations(256, 256, 4, 4));

    /** Stored bits per value, scales included, as each format lays them out. */
    @ParameterizedTest
    @CsvSource({
        "fp16, 16", "bf16, 16", "fp8-e4m3, 8", "fp8-e5m2, 8",
        "nf4, 4.5", "fp4, 4.5",
        "gguf:Q8_0, 8.5", "gguf:Q4_0, 4.5", "gguf:Q4_K, 4.5", "gguf:Q6_K, 6.5625", "gguf:Q2_K, 2.625"})
    void everyFormatRunsAndCountsItsBits(String format, double bits) {
        LabResult result = QuantLab.run(LabRequest.rtn(W, format), ProgressMonitor.NONE);
        assertThat(result.bitsPerWeight()).isCloseTo(bits, within(1e-9));
        assertThat(result.metrics().cosineSimilarity()).isGreaterThan(0.9);
        assertThat(result.original().total()).isEqualTo(W.size());
        assertThat(result.error().total()).isEqualTo(W.size());
    }

    /** With inputs, a weight-only format also reports the error of Y = X·Ŵᵀ, and finer formats do better. */
    @Test
    void weightOnlyFormatsReportOutputErrorWhenGivenInputs() {
        LabResult q4 = QuantLab.run(LabRequest.rtn(W, "gguf:Q4_0").withInputs(X), ProgressMonitor.NONE);
        LabResult q8 = QuantLab.run(LabRequest.rtn(W, "gguf:Q8_0").withInputs(X), ProgressMonitor.NONE);
        assertThat(q4.outputError()).isPresent();
        assertThat(q4.outputError().get().mse())
                .isEqualTo(app.bytewise.quant.metric.OutputError.of(X, W, q4.dequantized()).mse());
        assertThat(q8.outputError().get().sqnrDb()).isGreaterThan(q4.outputError().get().sqnrDb() + 10);
        assertThat(QuantLab.run(LabRequest.rtn(W, "gguf:Q4_0"), ProgressMonitor.NONE).outputError()).isEmpty();
    }

    @Test
    void moreBitsMeanLessError() {
        double q8 = QuantLab.run(LabRequest.rtn(W, "gguf:Q8_0"), ProgressMonitor.NONE).metrics().sqnrDb();
        double q4 = QuantLab.run(LabRequest.rtn(W, "gguf:Q4_K"), ProgressMonitor.NONE).metrics().sqnrDb();
        double q2 = QuantLab.run(LabRequest.rtn(W, "gguf:Q2_K"), ProgressMonitor.NONE).metrics().sqnrDb();
        assertThat(q8).isGreaterThan(q4);
        assertThat(q4).isGreaterThan(q2);
    }

    @Test
    void ggufBytesAreTheCodecsBytes() {
        LabResult result = QuantLab.run(LabRequest.rtn(W, "gguf:Q4_K"), ProgressMonitor.NONE);
        assertThat(result.encoded()).hasValueSatisfying(bytes ->
                assertThat(bytes).containsExactly(GgufCodecs.of("Q4_K").encode(W.data())));
        assertThat(result.storedBytes()).isEqualTo(64L * 256 / 256 * 144);
    }

    @Test
    void doubleQuantShrinksNf4Scales() {
        LabRequest base = LabRequest.rtn(W, "nf4");
        LabRequest dq = new LabRequest(W, "nf4", base.method(), base.granularity(), base.groupSize(), true, true,
                base.inputs(), base.threshold(), base.alpha(), false, 0.01, "keys", 128, 64);
        LabResult result = QuantLab.run(dq, ProgressMonitor.NONE);
        // 16,384 values: 8,192 packed bytes, 256 absmax codes, one FP32 absmax2 for 256 blocks, one offset.
        assertThat(result.storedBytes()).isEqualTo(8192 + 256 + 4 + 4);
        assertThat(result.absmax()).isPresent();
    }

    @Test
    void methodsWithInputsReportTheOutputError() {
        LabRequest gptq = LabRequest.rtn(W, "int4").with(LabMethod.GPTQ, Granularity.GROUP, 128, false).withInputs(X);
        LabResult result = QuantLab.run(gptq, ProgressMonitor.NONE);
        assertThat(result.outputError()).isPresent();
        assertThat(result.scheme()).startsWith("GPTQ");
        LabResult llmInt8 = QuantLab.run(LabRequest.rtn(W, "int8").with(LabMethod.LLM_INT8, Granularity.CHANNEL, 0, true)
                .withInputs(X), ProgressMonitor.NONE);
        assertThat(llmInt8.notes()).anyMatch(n -> n.contains("4 outlier features"));
    }

    @Test
    void fp8E4m3SaturatesAndSaysSo() {
        FloatMatrix big = new FloatMatrix(1, 4, new float[] {1, 500, -1000, 0.1f});
        LabResult result = QuantLab.run(LabRequest.rtn(big, "fp8-e4m3"), ProgressMonitor.NONE);
        assertThat(result.dequantized().data()[1]).isEqualTo(448f);
        assertThat(result.dequantized().data()[2]).isEqualTo(-448f);
        assertThat(result.notes()).anyMatch(n -> n.contains("saturate"));
    }

    @Test
    void badInputNamesTheField() {
        FloatMatrix odd = TensorGenerator.generate(TensorSpec.gaussian(4, 100, 1));
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(odd, "gguf:Q4_K"), ProgressMonitor.NONE))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("cols"));
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(W, "int4").with(LabMethod.GPTQ, Granularity.GROUP, 128,
                false), ProgressMonitor.NONE))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("inputs"));
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(W, "int9"), ProgressMonitor.NONE))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("format"));
        FloatMatrix nan = new FloatMatrix(1, 2, new float[] {1, Float.NaN});
        assertThatThrownBy(() -> QuantLab.run(LabRequest.rtn(nan, "fp16"), ProgressMonitor.NONE))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("values"));
    }
}
