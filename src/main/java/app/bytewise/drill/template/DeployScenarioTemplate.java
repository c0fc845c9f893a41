package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Lessons;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.Option;
import app.bytewise.drill.Question;
import app.bytewise.drill.QuestionId;
import app.bytewise.drill.QuestionKind;
import app.bytewise.drill.QuestionTemplate;
import app.bytewise.drill.Solution;
import app.bytewise.drill.Topic;
import app.bytewise.engine.ByteCount;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The interview scenario: deploy a model on one GPU with a given context; which is the highest
 * precision that fits? Chains weights, KV cache, activations and overhead for every candidate.
 */
public final class DeployScenarioTemplate implements QuestionTemplate {

    private static final List<String> FORMATS = List.of("fp16", "int8", "gptq-4bit-g128");
    private static final String[] LETTERS = {"A", "B", "C", "D"};

    private final DrillContext context;

    public DeployScenarioTemplate(DrillContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "deploy-which-precision";
    }

    @Override
    public Topic topic() {
        return Topic.INFERENCE_FIT;
    }

    @Override
    public Difficulty difficulty() {
        return Difficulty.HARD;
    }

    @Override
    public boolean numeric() {
        return false;
    }

    @Override
    public Question generate(long seed, QuestionKind kind) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id().hashCode());
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "qwen2-7b",
                "mistral-7b-v0-1", "gemma-7b", "llama-2-70b", "llama-3-1-8b");
        Gpu gpu = context.gpu(random, "a10g", "rtx-4090", "l4", "a100-40gb-sxm", "t4", "rtx-3090", "l40s");
        long tokens = DrillContext.within(m, 2048L << random.nextInt(3));
        List<MemoryEstimate> estimates = new ArrayList<>();
        for (String f : FORMATS) {
            estimates.add(InferenceEstimator.memory(InferenceRequest.of(m.model(), Formats.parse(f))
                    .withContext(tokens, 1).onGpus(gpu, 1)));
        }
        int correct = FORMATS.size();
        for (int i = 0; i < FORMATS.size(); i++) {
            if (estimates.get(i).fits().orElse(false)) {
                correct = i;
                break;
            }
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i <= FORMATS.size(); i++) {
            boolean none = i == FORMATS.size();
            String label = none ? "None: it needs more than one GPU" : Formats.parse(FORMATS.get(i)).label();
            String why = none ? "A smaller format fits on one GPU." : explain(estimates.get(i), gpu);
            Misconception m2 = i == correct ? null : i < correct ? tooLarge(estimates.get(i), gpu)
                    : Misconception.NEEDLESS_SACRIFICE;
            if (m2 == Misconception.LABEL_AS_USABLE) {
                why += " It would fit the " + gpu.memoryGiB() + " GiB label, but a process gets only what the driver reports.";
            }
            if (none && i == correct) {
                why = "Even " + Formats.parse(FORMATS.get(FORMATS.size() - 1)).label() + " does not fit: "
                        + explain(estimates.get(FORMATS.size() - 1), gpu);
            }
            options.add(new Option(LETTERS[i], label, i == correct, m2, why));
        }
        String text = String.format(Locale.ROOT, "You must deploy %s on one %s for one user with a %,d-token "
                + "context (FP16 KV cache, FlashAttention, about 1 GiB of runtime overhead). Which is the highest-precision "
                + "weight format that fits?", m.name(), UsableMemory.card(gpu), tokens);
        MemoryEstimate shown = estimates.get(Math.min(correct, FORMATS.size() - 1));
        List<Step> steps = new ArrayList<>(List.of(UsableMemory.step(gpu)));
        steps.addAll(shown.steps());
        Solution solution = new Solution(steps, "Check weights + KV cache + activations + overhead against what the "
                + "driver reports (not the label), from the highest precision down.", Lessons.of(Topic.INFERENCE_FIT));
        return new Question(new QuestionId(id(), QuestionKind.CHOICE, seed), topic(), difficulty(), QuestionKind.CHOICE,
                text, options, Optional.empty(), Map.of(), solution);
    }

    /**
     * Why a candidate would pick a format that does not fit: it fits the label but not what the driver
     * reports, or its weights fit and the KV cache was forgotten, or the format's bytes were wrong.
     */
    private static Misconception tooLarge(MemoryEstimate e, Gpu gpu) {
        if (e.perGpuBytes() <= gpu.memoryBytes()) {
            return Misconception.LABEL_AS_USABLE;
        }
        return e.component("weights") + e.component("overhead") <= gpu.usableBytes() ? Misconception.FORGOT_KV_CACHE
                : Misconception.WRONG_FORMAT_BYTES;
    }

    private static String explain(MemoryEstimate e, Gpu gpu) {
        return String.format(Locale.ROOT, "needs %s (weights %s, KV cache %s) against the %s the driver reports: %s.",
                ByteCount.of(e.perGpuBytes()).display(), ByteCount.of(e.component("weights")).display(),
                ByteCount.of(e.component("kvCache")).display(), ByteCount.of(gpu.usableBytes()).display(),
                e.fits().orElse(false) ? "fits" : "does not fit");
    }
}
