package app.bytewise.engine;

import app.bytewise.engine.Step.Input;
import app.bytewise.engine.format.CheckpointFormat;
import app.bytewise.engine.format.DenseFormat;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.format.WeightLayout;
import app.bytewise.engine.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Weight memory: the bytes of every tensor as the format stores it, or params × bits/8 for a bare count. */
public final class WeightMemory {

    private WeightMemory() {
    }

    public static long bytes(Model model, WeightFormat format) {
        return model.hasTensors() ? format.layout(model).totalBytes()
                : format.bytesForParameterCount(model.parameters());
    }

    public static Step step(Model model, WeightFormat format) {
        if (format instanceof CheckpointFormat checkpoint) {
            return CheckpointStep.step(model, checkpoint);
        }
        long n = model.parameters();
        long nominal = format.bytesForParameterCount(n);
        String bits = trim(format.nominalBits());
        if (!model.hasTensors()) {
            return Step.bytes("weights", "Weights in " + format.label(), "N × bits / 8",
                    List.of(Input.of("N", n, "parameters"), Input.of("bits", bits)), nominal,
                    format.description());
        }
        WeightLayout layout = format.layout(model);
        long exact = layout.totalBytes();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, long[]> e : layout.byType().entrySet()) {
            parts.add(String.format(Locale.ROOT, "%s: %,d params, %,d bytes", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        String note = format.description() + " By type — " + String.join("; ", parts) + ". "
                + String.format(Locale.ROOT, "Average %.3f bits per weight.", layout.bitsPerWeight());
        if (!(format instanceof DenseFormat) && nominal != exact) {
            note += String.format(Locale.ROOT, " The textbook N × %s / 8 = %s misses %s of scales and higher-precision tensors.",
                    bits, ByteCount.of(nominal).display(), ByteCount.of(Math.abs(exact - nominal)).display());
        }
        return Step.bytes("weights", "Weights in " + format.label(), "Σ over tensors of stored bytes",
                List.of(Input.of("N", n, "parameters"), Input.of("tensors", layout.tensorCount(), "")), exact, note);
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
