package app.bytewise.engine.shortcut;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The figures each popular shortcut gives for an estimate, beside the engine's correct ones. */
public final class Shortcuts {

    private static final Pattern SIZE_IN_NAME =
            Pattern.compile("(?i)(?<![\\d.])(?:(\\d+)x)?(\\d+(?:\\.\\d+)?)b(?![a-z])");

    private Shortcuts() {
    }

    /** The parameter count a model's name suggests ("Llama-2-7B" → 7 × 10^9, "8x7B" → 56 × 10^9), if it has one. */
    public static OptionalLong nominalParameters(String name) {
        Matcher m = SIZE_IN_NAME.matcher(name);
        long found = -1;
        while (m.find()) {
            long experts = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
            found = new java.math.BigDecimal(m.group(2)).movePointRight(9).longValueExact() * experts;
        }
        return found > 0 ? OptionalLong.of(found) : OptionalLong.empty();
    }

    public static List<ShortcutFigure> forInference(InferenceRequest r, MemoryEstimate correct) {
        List<ShortcutFigure> figures = new ArrayList<>();
        long total = correct.totalBytes();
        long weights = correct.component("weights");
        long kv = correct.component("kvCache");
        figures.add(new ShortcutFigure(Shortcut.GIB_CALLED_GB, "total", misreadGiBAsGB(total)));
        figures.add(new ShortcutFigure(Shortcut.GB_CALLED_GIB, "total", misreadGBAsGiB(total)));
        long nominalWeights = r.weights().bytesForParameterCount(r.model().parameters());
        if (nominalWeights != weights) {
            figures.add(new ShortcutFigure(Shortcut.NOMINAL_BITS, "weights", nominalWeights));
        }
        nominalParameters(r.model().name()).ifPresent(nominal -> {
            if (nominal != r.model().parameters()) {
                figures.add(new ShortcutFigure(Shortcut.NOMINAL_PARAMETER_COUNT, "weights",
                        r.weights().bytesForParameterCount(nominal)));
            }
        });
        Optional<Architecture> arch = r.model().architecture();
        if (arch.isPresent() && kv > 0) {
            Architecture a = arch.get();
            if (a.kvHeads() != a.attentionHeads()) {
                figures.add(new ShortcutFigure(Shortcut.KV_ATTENTION_HEADS, "kvCache", kv * a.gqaGroupSize()));
            }
            figures.add(new ShortcutFigure(Shortcut.KV_NO_FACTOR_TWO, "kvCache", kv / 2));
            figures.add(new ShortcutFigure(Shortcut.FORGOT_KV_CACHE, "total", total - kv));
        }
        figures.add(new ShortcutFigure(Shortcut.FORGOT_OVERHEAD, "total", total - correct.component("overhead")));
        figures.add(new ShortcutFigure(Shortcut.WEIGHTS_TIMES_1_2, "total", weights * 6 / 5));
        return figures;
    }

    public static List<ShortcutFigure> forTraining(TrainingRequest r, MemoryEstimate correct) {
        List<ShortcutFigure> figures = new ArrayList<>();
        long states = correct.component("weights") + correct.component("gradients") + correct.component("optimizer");
        figures.add(new ShortcutFigure(Shortcut.GIB_CALLED_GB, "modelStates", misreadGiBAsGB(states)));
        long psi = r.model().parameters();
        if (r.optimizer() == Optimizer.ADAMW_MIXED && r.lora().isEmpty() && r.zeroStage() == 0
                && r.tensorParallel() * r.pipelineParallel() == 1) {
            figures.add(new ShortcutFigure(Shortcut.ADAM_TEN_BYTES, "modelStates", 10 * psi));
        }
        if (r.zeroStage() > 0 && r.lora().isEmpty()) {
            long baseline = (long) (r.optimizer().weightBytes() + r.optimizer().gradientBytes()) * psi
                    + r.optimizer().stateBytes(psi);
            long factor = switch (r.zeroStage()) {
                case 1 -> 4;
                case 2 -> 8;
                default -> 16;
            };
            figures.add(new ShortcutFigure(Shortcut.ZERO_FIXED_FACTORS, "modelStates", baseline / factor));
        }
        return figures;
    }

    /** The byte count someone implies when they compute x / 2^30 and write "GB". */
    private static long misreadGiBAsGB(long bytes) {
        return ByteCount.of(bytes).gibibytes().movePointRight(9).longValue();
    }

    /** The byte count someone implies when they compute x / 10^9 and write "GiB". */
    private static long misreadGBAsGiB(long bytes) {
        return ByteCount.of(bytes).gigabytes().multiply(java.math.BigDecimal.valueOf(ByteCount.GIB)).longValue();
    }
}
