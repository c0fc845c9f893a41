package app.bytewise.quant.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.method.AwqGemmPacking;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.GroupCodes;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import org.junit.jupiter.api.Test;

/** HQQ through the lab end to end, and AWQ's encoded bytes as AutoAWQ's GEMM layout. */
class HqqAwqLabTest {

    private static final FloatMatrix W = TensorGenerator.generate(TensorSpec.gaussian(64, 256, 3));
    private static final FloatMatrix X = TensorGenerator.generate(TensorSpec.activations(256, 256, 4, 4));

    private static LabRequest hqq(String format, int group, boolean meta) {
        LabRequest base = LabRequest.rtn(W, format).with(LabMethod.HQQ, Granularity.GROUP, group, false);
        return new LabRequest(W, format, LabMethod.HQQ, Granularity.GROUP, group, false, meta, base.inputs(),
                base.threshold(), base.alpha(), false, 0.01, "keys", 128, 64);
    }

    @Test
    void hqqRunsInTheLab() {
        LabResult r = QuantLab.run(hqq("int4", 64, false), ProgressMonitor.NONE);
        assertThat(r.scheme()).isEqualTo("HQQ 4-bit, group 64");
        assertThat(r.bitsPerWeight()).isEqualTo(4.5);
        assertThat(r.encoded().orElseThrow()).hasSize(W.size() / 2);
        assertThat(r.metrics().cosineSimilarity()).isGreaterThan(0.99);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Proximal"));
        LabResult rtn = QuantLab.run(LabRequest.rtn(W, "int4").with(LabMethod.RTN, Granularity.GROUP, 64, false),
                ProgressMonitor.NONE);
        assertThat(r.metrics().mse()).isLessThan(rtn.metrics().mse());
        LabResult meta = QuantLab.run(hqq("int4", 64, true), ProgressMonitor.NONE);
        assertThat(meta.bitsPerWeight()).isLessThan(4.5).isGreaterThan(4.25);
        assertThat(QuantLab.run(hqq("int4", 64, false).withInputs(X), ProgressMonitor.NONE).outputError()).isPresent();
        assertThatThrownBy(() -> QuantLab.run(hqq("int7", 64, false), ProgressMonitor.NONE))
                .isInstanceOf(InvalidInputException.class);
        assertThat(LabMethod.parse("HQQ")).isEqualTo(LabMethod.HQQ);
        assertThat(LabMethod.HQQ.needsInputs()).isFalse();
    }

    /** The encoded AWQ bytes unpack to codes whose decoding, divided by s, is the lab's reconstruction. */
    @Test
    void awqEncodedBytesAreAutoAwqsGemmLayout() {
        LabRequest r = LabRequest.rtn(W, "int4").with(LabMethod.AWQ, Granularity.GROUP, 128, false).withInputs(X);
        LabResult result = QuantLab.run(r, ProgressMonitor.NONE);
        byte[] encoded = result.encoded().orElseThrow();
        assertThat(encoded).hasSize((int) result.storedBytes());
        GroupCodes codes = AwqGemmPacking.unpack(encoded, 256, 64, 128);
        float[] scaled = codes.dequantize().data();
        float[] lab = result.dequantized().data();
        // Undo s per input feature: the lab's Ŵ = dequantize(W·diag(s)) / s.
        float[] s = app.bytewise.quant.method.Awq.quantize(W, X, QuantLab.intConfig(r)).channelScales();
        for (int i = 0; i < lab.length; i++) {
            assertThat(scaled[i] / s[i % 256]).isEqualTo(lab[i]);
        }
    }

    @Test
    void hqqIsPricedAsIterative() {
        double rtn = LabCost.of("int4", LabMethod.RTN, 1024, 1024, 0).toNanos();
        double hqq = LabCost.of("int4", LabMethod.HQQ, 1024, 1024, 0).toNanos();
        // 20 proximal steps of 75 ns per weight on top of the 50 ns every run pays: 31 times RTN.
        assertThat(hqq / rtn).isEqualTo(31.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(LabCost.of("int4", LabMethod.HQQ, 2048, 2048, 0).toNanos() / hqq).isEqualTo(4.0,
                org.assertj.core.data.Offset.offset(1e-6));
    }
}
