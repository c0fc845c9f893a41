package app.bytewise.quant.lab;

import app.bytewise.quant.bnb.DoubleQuant;
import app.bytewise.quant.bnb.Fp4;
import app.bytewise.quant.bnb.Nf4;
import app.bytewise.quant.bnb.Quantized4Bit;
import app.bytewise.quant.bnb.QuantizedAbsmax;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.List;
import java.util.Optional;

/**
 * bitsandbytes NF4/FP4 over the flattened tensor (blocks of 64, CUDA semantics), optionally with
 * double quantization of the absmax values.
 */
final class FourBitRun {

    private FourBitRun() {
    }

    static LabResult run(LabRequest r, FloatMatrix w, String format, List<String> notes) {
        boolean nf4 = format.equals("nf4");
        Quantized4Bit q = nf4 ? Nf4.quantize(w.data()) : Fp4.quantize(w.data());
        float[] absmax = q.absmax();
        long bits = 8L * q.packed().length;
        if (r.doubleQuant()) {
            QuantizedAbsmax dq = DoubleQuant.quantize(absmax);
            absmax = DoubleQuant.dequantize(dq);
            bits += 8L * dq.codes().length + 32L * dq.absmax2().length + 32;
            notes.add("Double quantization: absmax as 8-bit codes, one FP32 scale per 256 blocks and one FP32 offset.");
        } else {
            bits += 32L * absmax.length;
        }
        float[] decoded = nf4 ? Nf4.dequantize(q.packed(), absmax, w.size()) : Fp4.dequantize(q.packed(), absmax, w.size());
        notes.add("Packed as bitsandbytes stores it: two codes per byte, the first in the high nibble; absmax per 64 values.");
        return QuantLab.result(r, w, (nf4 ? "NF4" : "FP4") + (r.doubleQuant() ? " + double quant" : ""),
                new FloatMatrix(w.rows(), w.cols(), decoded), bits, Optional.empty(), Optional.of(q.packed()),
                Optional.of(absmax), notes);
    }
}
