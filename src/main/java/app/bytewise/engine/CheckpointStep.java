package app.bytewise.engine;

import app.bytewise.engine.Step.Input;
import app.bytewise.engine.format.CheckpointBytes;
import app.bytewise.engine.format.CheckpointFormat;
import app.bytewise.engine.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The weights step for {@code weights: "checkpoint"}: the tensors inference loads, as the checkpoint stores them. */
final class CheckpointStep {

    private CheckpointStep() {
    }

    static Step step(Model model, CheckpointFormat format) {
        CheckpointBytes loaded = format.checkpoint(model);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : loaded.elementsByDtype().entrySet()) {
            parts.add(String.format(Locale.ROOT, "%s: %,d", e.getKey(), e.getValue()));
        }
        String note = format.schemeDescription(model) + " Stored elements by dtype — " + String.join("; ", parts) + ".";
        CheckpointBytes unloaded = format.unloaded(model);
        if (unloaded.bytes() > 0) {
            note += String.format(Locale.ROOT, " The files also hold %s of tensors inference does not load "
                    + "(multi-token prediction), not counted here.", ByteCount.of(unloaded.bytes()).display());
        }
        return Step.bytes("weights", "Weights as the checkpoint stores them (" + format.schemeLabel(model) + ")",
                "Σ over stored tensors of elements × dtype bytes",
                List.of(Input.of("N", model.parameters(), "parameters"), Input.of("tensors", model.tensorCount(), "")),
                loaded.bytes(), note);
    }
}
