package app.bytewise.quant.lab;

import app.bytewise.quant.number.Bf16;
import app.bytewise.quant.number.Fp16;
import app.bytewise.quant.number.Fp8E4M3;
import app.bytewise.quant.number.Fp8E5M2;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.List;
import java.util.Optional;

/** Casting every value to a narrower float format and back (round to nearest even), no scales. */
final class FloatCast {

    private FloatCast() {
    }

    static boolean handles(String format) {
        return switch (format) {
            case "fp16", "bf16", "fp8-e4m3", "fp8-e5m2" -> true;
            default -> false;
        };
    }

    static LabResult run(LabRequest r, FloatMatrix w, String format, List<String> notes) {
        float[] in = w.data();
        float[] out = new float[in.length];
        int saturated = 0;
        int bits = format.startsWith("fp8") ? 8 : 16;
        float max = switch (format) {
            case "fp16" -> Fp16.MAX;
            case "bf16" -> Bf16.MAX;
            case "fp8-e4m3" -> Fp8E4M3.MAX;
            default -> Fp8E5M2.MAX;
        };
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            out[i] = switch (format) {
                case "fp16" -> Fp16.decode(Fp16.encode(v));
                case "bf16" -> Bf16.decode(Bf16.encode(v));
                case "fp8-e4m3" -> Fp8E4M3.decode(Fp8E4M3.encode(v));
                default -> Fp8E5M2.decode(Fp8E5M2.encode(v));
            };
            if (Math.abs(v) > max) {
                saturated++;
            }
        }
        if (saturated > 0) {
            notes.add(saturated + " values lie beyond the format's largest finite value " + max
                    + (format.equals("fp8-e4m3") ? " and saturate to ±448 (E4M3 has no infinity)." : " and overflow."));
        }
        if (format.startsWith("fp8")) {
            notes.add("A plain cast without a scale: real FP8 checkpoints add a per-tensor scale so values use the range.");
        }
        return QuantLab.result(r, w, format.toUpperCase(java.util.Locale.ROOT) + " cast", new FloatMatrix(w.rows(), w.cols(), out),
                (long) bits * in.length, Optional.empty(), Optional.empty(), Optional.empty(), notes);
    }
}
