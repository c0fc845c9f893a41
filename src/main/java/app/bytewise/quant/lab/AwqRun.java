package app.bytewise.quant.lab;

import app.bytewise.quant.method.Awq;
import app.bytewise.quant.method.AwqGemmPacking;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.GroupCodes;
import app.bytewise.quant.method.IntQuantConfig;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.metric.OutputError;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AWQ in the lab: the scale search of {@link Awq}, and for INT4 in groups along the input features
 * the bytes an AutoAWQ GEMM checkpoint holds ({@link AwqGemmPacking}): the codes of W·diag(s) at the
 * best α, since s folds into the previous layer and the checkpoint stores the scaled weights.
 */
final class AwqRun {

    private AwqRun() {
    }

    static LabResult run(LabRequest r, FloatMatrix w, FloatMatrix x, ProgressMonitor monitor, List<String> notes) {
        IntQuantConfig config = QuantLab.intConfig(r);
        Awq.Result awq = Awq.quantize(w, x, config, monitor);
        notes.add(String.format(Locale.ROOT, "Best α = %.2f; the scales fold into the previous layer.", awq.alpha()));
        Optional<byte[]> encoded = Optional.empty();
        int group = config.granularity() == Granularity.GROUP ? Math.min(config.groupSize(), w.cols()) : w.cols();
        if (config.bits() == 4 && config.granularity() != Granularity.TENSOR && w.rows() % AwqGemmPacking.PACK == 0
                && w.cols() % group == 0) {
            GroupCodes codes = GroupCodes.of(scaled(w, awq.channelScales()), config);
            encoded = Optional.of(AwqGemmPacking.pack(codes).bytes());
            notes.add("Bytes as AutoAWQ's WQLinear_GEMM stores them: qweight int32 [in, out/8] (nibble order 0 2 4 6 1 3 "
                    + "5 7), qzeros int32 [in/group, out/8], scales FP16 [in/group, out], little-endian, for W·diag(s).");
        } else {
            notes.add("AutoAWQ's GEMM layout takes INT4 in groups, rows a multiple of 8 and whole groups per row: no bytes.");
        }
        var q = awq.quantized();
        return QuantLab.result(r, w, q.method(), q.dequantized(), q.storedBits(),
                Optional.of(OutputError.of(x, w, q.dequantized())), encoded, Optional.empty(), notes);
    }

    private static FloatMatrix scaled(FloatMatrix w, float[] s) {
        float[] out = w.data().clone();
        int n = w.cols();
        for (int i = 0; i < out.length; i++) {
            out[i] *= s[i % n];
        }
        return new FloatMatrix(w.rows(), n, out);
    }
}
