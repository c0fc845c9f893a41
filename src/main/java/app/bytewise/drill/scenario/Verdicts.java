package app.bytewise.drill.scenario;

import app.bytewise.drill.Misconception;
import app.bytewise.drill.scenario.StepQuestions.Choice;
import app.bytewise.engine.ByteCount;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.gpu.Gpu;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict step's options. Every wrong option is the verdict one named mistake leads to, applied
 * to the same figures: claiming a fit that is not one is checking against the label, leaving out the
 * overhead or the KV cache, or taking a format's bytes at half; giving up precision that fits is a
 * needless sacrifice. A draw where some wrong option has no such mistake is not used (empty).
 */
final class Verdicts {

    private Verdicts() {
    }

    static Optional<List<Choice>> deploy(MemoryEstimate fp16, MemoryEstimate int4, Gpu gpu) {
        int correct = gpu.fits(fp16.perGpuBytes()) ? 0 : gpu.fits(int4.perGpuBytes()) ? 1 : 2;
        List<MemoryEstimate> candidates = List.of(fp16, int4);
        List<String> texts = List.of("FP16 fits", "Only INT4 fits", "Neither fits");
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (i == correct) {
                choices.add(new Choice(texts.get(i), null, i == 2
                        ? "Even INT4 " + need(int4, gpu) : (i == 0 ? "FP16 " : "INT4 ") + need(candidates.get(i), gpu)));
            } else if (i > correct) {
                choices.add(new Choice(texts.get(i), Misconception.NEEDLESS_SACRIFICE,
                        Misconception.NEEDLESS_SACRIFICE.explanation()));
            } else {
                Optional<Misconception> m = claimedFit(candidates.get(i), gpu);
                if (m.isEmpty()) {
                    return Optional.empty();
                }
                choices.add(new Choice(texts.get(i), m.get(), explain(m.get(), gpu)));
            }
        }
        return Optional.of(choices);
    }

    /**
     * A training run's yes or no: "yes" when it does not fit is the label, the overhead or another
     * stage's sharding; "no" when it fits is a GB figure read as GiB or another stage's sharding.
     *
     * @param otherStages per-GPU bytes of the same run at each other ZeRO stage
     */
    static Optional<List<Choice>> training(MemoryEstimate run, List<Long> otherStages, Gpu gpu) {
        long perGpu = run.perGpuBytes();
        boolean fits = gpu.fits(perGpu);
        Optional<Misconception> wrong;
        if (fits) {
            boolean gbAsGib = perGpu * 1.0 / ByteCount.GB > gpu.usableBytes() * 1.0 / ByteCount.GIB;
            wrong = gbAsGib ? Optional.of(Misconception.GB_AS_GIB)
                    : otherStages.stream().anyMatch(b -> !gpu.fits(b)) ? Optional.of(Misconception.WRONG_ZERO_STAGE)
                    : Optional.empty();
        } else {
            wrong = claimedFit(run, gpu).filter(m -> m != Misconception.FORGOT_KV_CACHE && m != Misconception.WRONG_FORMAT_BYTES)
                    .or(() -> otherStages.stream().anyMatch(gpu::fits)
                            ? Optional.of(Misconception.WRONG_ZERO_STAGE) : Optional.empty());
        }
        if (wrong.isEmpty()) {
            return Optional.empty();
        }
        String right = "It needs " + ByteCount.of(perGpu).display() + " per GPU against the "
                + ByteCount.of(gpu.usableBytes()).display() + " the driver reports.";
        Choice yes = fits ? new Choice("Yes, it fits on each GPU", null, right)
                : new Choice("Yes, it fits on each GPU", wrong.get(), explain(wrong.get(), gpu));
        Choice no = fits ? new Choice("No, it needs more memory", wrong.get(), explain(wrong.get(), gpu))
                : new Choice("No, it needs more memory", null, right);
        return Optional.of(List.of(yes, no));
    }

    /** The mistake that makes a candidate that does not fit look as if it did, if one does. */
    static Optional<Misconception> claimedFit(MemoryEstimate e, Gpu gpu) {
        long need = e.perGpuBytes();
        if (need <= gpu.memoryBytes()) {
            return Optional.of(Misconception.LABEL_AS_USABLE);
        }
        if (need - e.component("overhead") <= gpu.usableBytes()) {
            return Optional.of(Misconception.FORGOT_OVERHEAD);
        }
        if (need - e.component("kvCache") <= gpu.usableBytes()) {
            return Optional.of(Misconception.FORGOT_KV_CACHE);
        }
        if (need - e.component("weights") / 2 <= gpu.usableBytes()) {
            return Optional.of(Misconception.WRONG_FORMAT_BYTES);
        }
        return Optional.empty();
    }

    private static String need(MemoryEstimate e, Gpu gpu) {
        return "needs " + ByteCount.of(e.perGpuBytes()).display() + " against the "
                + ByteCount.of(gpu.usableBytes()).display() + " the driver reports: "
                + (gpu.fits(e.perGpuBytes()) ? "it fits." : "it does not fit.");
    }

    private static String explain(Misconception m, Gpu gpu) {
        return m == Misconception.LABEL_AS_USABLE
                ? m.explanation() + " It would fit the " + gpu.memoryGiB() + " GiB label." : m.explanation();
    }
}
