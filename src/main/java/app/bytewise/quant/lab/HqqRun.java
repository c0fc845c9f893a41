package app.bytewise.quant.lab;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.quant.hqq.HqqBitPack;
import app.bytewise.quant.hqq.HqqConfig;
import app.bytewise.quant.hqq.HqqQuantizer;
import app.bytewise.quant.hqq.HqqTensor;
import app.bytewise.quant.method.Granularity;
import app.bytewise.quant.method.ProgressMonitor;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HQQ in the lab (method {@code hqq}, format {@code int1} … {@code int8}): {@code
 * BaseQuantizeConfig(nbits, group_size)} with axis 1, so groups run along the rows; per channel is
 * one group per row. {@code doubleQuant} turns on HQQ's {@code quant_zero} and {@code quant_scale}.
 * HQQ is always asymmetric, so {@code symmetric} is not used. The encoded bytes are W_q as HQQ's
 * BitPack lays it out.
 */
final class HqqRun {

    private HqqRun() {
    }

    static LabResult run(LabRequest r, FloatMatrix w, ProgressMonitor monitor, List<String> notes) {
        if (r.granularity() == Granularity.TENSOR) {
            throw new InvalidInputException("granularity", "HQQ quantizes in groups (or per channel), not per tensor.");
        }
        int group = r.granularity() == Granularity.CHANNEL ? w.cols() : r.groupSize();
        HqqConfig config = HqqConfig.base(bits(r.format()), group);
        if (r.doubleQuant()) {
            config = config.withMetaQuantization();
        }
        HqqTensor q = HqqQuantizer.quantize(w.data(), config, monitor);
        double[] errors = q.errors();
        if (errors.length > 0) {
            notes.add(String.format(Locale.ROOT, "Proximal zero-point solver (lp 0.7, beta 10): %d steps, mean |W − Ŵ| "
                    + "%.4g at min-max, %.4g at the last step.", q.steps(), errors[0], errors[errors.length - 1]));
        }
        notes.add("Codes packed as HQQ's BitPack (" + HqqBitPack.packing(config.nbits())
                + "); scale and zero per group" + (r.doubleQuant() ? " in 8 bits (quant_scale, quant_zero)." : " in FP16."));
        return QuantLab.result(r, w, config.describe(), new FloatMatrix(w.rows(), w.cols(), q.dequantized()),
                q.storedBits(), Optional.empty(), Optional.of(q.packed()), Optional.empty(), notes);
    }

    static int bits(String format) {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (f.matches("int[1-8]")) {
            return f.charAt(3) - '0';
        }
        throw new InvalidInputException("format", "HQQ takes an integer format, int1 to int8; got '" + format + "'.");
    }
}
