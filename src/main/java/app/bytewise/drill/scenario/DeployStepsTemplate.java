package app.bytewise.drill.scenario;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.Question;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.drill.template.GpuPremise;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.model.Architecture;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The interview classic, step by step: a model on one GPU with a given context, FP16 or INT4? The
 * engine computes both candidates as {@code DeployScenarioTemplate} does (InferenceEstimator.memory
 * of the same request); the learner enters the FP16 weights, KV cache, activations plus overhead and
 * total, then picks the verdict against the memory the driver reports.
 */
public final class DeployStepsTemplate implements ScenarioTemplate {

    static final String ID = "deploy-fp16-or-int4";
    private static final String INT4 = "gptq-4bit-g128";
    private static final int MAX_DRAWS = 500;

    private final DrillContext context;

    public DeployStepsTemplate(DrillContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "FP16 or INT4 on one GPU?";
    }

    @Override
    public Topic topic() {
        return Topic.INFERENCE_FIT;
    }

    /**
     * Draws model, GPU and context until every wrong verdict is one named mistake away and no fit is
     * within 1 % of the memory (where rounding the figures shown could decide it); seed-determined.
     */
    @Override
    public StepScenario draw(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ID.hashCode());
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Optional<StepScenario> s = attempt(new ScenarioId(ID, seed), random);
            if (s.isPresent()) {
                return s.get();
            }
        }
        throw new IllegalStateException(ID + " seed " + seed + ": no usable draw");
    }

    private Optional<StepScenario> attempt(ScenarioId id, SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "llama-3-1-8b",
                "qwen2-7b", "gemma-7b", "phi-3-medium-4k-instruct");
        Gpu gpu = context.gpu(random, "a10g", "rtx-4090", "l4", "a100-40gb-sxm", "t4", "rtx-3090", "l40s");
        long tokens = DrillContext.within(m, 2048L << random.nextInt(3));
        Architecture a = m.model().architecture().orElseThrow();
        if (!a.isUniform() || a.slidingWindow() > 0) {
            return Optional.empty(); // the steps below state a plain full-attention cache
        }
        MemoryEstimate fp16 = estimate(m, "fp16", tokens, gpu);
        MemoryEstimate int4 = estimate(m, INT4, tokens, gpu);
        // FP16 fits most draws; most of those are passed over so that the harder verdicts come up often.
        if (close(fp16, gpu) || close(int4, gpu) || gpu.fits(fp16.perGpuBytes()) && random.nextInt(3) > 0) {
            return Optional.empty();
        }
        Optional<List<StepQuestions.Choice>> verdict = Verdicts.deploy(fp16, int4, gpu);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        String premise = String.format(Locale.ROOT, "You must serve %s (%,d parameters; %d layers, %d attention heads, "
                + "%d KV heads of dimension %d) on one %s for one user with a %,d-token context: FP16 KV cache, "
                + "FlashAttention, and about 1 GiB of runtime overhead (CUDA context, framework). FP16 or INT4? Work "
                + "it out for FP16 first, step by step; each step is graded against the correct values of the steps "
                + "before it, not against what you entered for them.", m.name(), m.model().parameters(), a.layers(),
                a.attentionHeads(), a.kvHeads(), a.headDim(), GpuPremise.card(gpu), tokens);
        return Optional.of(new StepScenario(id, title(), topic(), Difficulty.HARD, premise,
                steps(id, m, gpu, fp16, int4, verdict.get()),
                "Weights + KV cache + activations + overhead, against what the driver reports, from the highest "
                        + "precision down."));
    }

    private List<ScenarioStep> steps(ScenarioId id, CatalogModel m, Gpu gpu, MemoryEstimate fp16, MemoryEstimate int4,
            List<StepQuestions.Choice> verdict) {
        long params = m.model().parameters();
        long weights = fp16.component("weights");
        long kv = fp16.component("kvCache");
        long activations = fp16.component("activations");
        long overhead = fp16.component("overhead");
        Architecture a = m.model().architecture().orElseThrow();
        Scenario w = new Scenario("How much memory do the FP16 weights take?",
                NumericAnswer.bytes(weights, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.NOMINAL_PARAMETER_COUNT, DrillContext.nominal(m.model()) * 2,
                        Misconception.WRONG_FORMAT_BYTES, params * 4, Misconception.BITS_AS_BYTES, params * 16),
                List.of(fp16.step("weights")), "FP16 is 2 bytes per parameter.");
        Scenario k = new Scenario("How large is the FP16 KV cache for the whole context?",
                NumericAnswer.bytes(kv, Unit.GIB_UNIT),
                a.kvHeads() < a.attentionHeads()
                        ? Scenario.wrong(Misconception.KV_NO_FACTOR_TWO, kv / 2,
                                Misconception.KV_ATTENTION_HEADS, kv * a.gqaGroupSize(), Misconception.BITS_AS_BYTES, kv * 8)
                        : Scenario.wrong(Misconception.KV_NO_FACTOR_TWO, kv / 2, Misconception.WRONG_FORMAT_BYTES, kv * 2,
                                Misconception.BITS_AS_BYTES, kv * 8),
                List.of(fp16.step("kvCache")), "2 × layers × KV heads × head dim × tokens × 2 bytes.");
        Scenario o = new Scenario("The engine puts the prefill activations (one layer at a "
                + "time, FlashAttention) at " + mib(activations) + ". What do they and the runtime overhead add "
                + "together?", NumericAnswer.bytes(activations + overhead, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.FORGOT_OVERHEAD, activations),
                List.of(fp16.step("activations"), fp16.step("overhead")), "The runtime's 1 GiB comes before any tensor.");
        Scenario t = new Scenario("What does FP16 need on the GPU in all (use the correct values of the "
                + "steps before)?", NumericAnswer.bytes(fp16.perGpuBytes(), Unit.GIB_UNIT),
                Scenario.wrong(Misconception.FORGOT_KV_CACHE, fp16.perGpuBytes() - kv,
                        Misconception.FORGOT_OVERHEAD, fp16.perGpuBytes() - overhead),
                List.of(fp16.step("total")), "Weights + KV cache + activations + overhead.");
        String ask = "GPTQ 4-bit weights (group size 128, with their scales and the 16-bit embeddings) take "
                + gib(int4.component("weights")) + "; the KV cache, activations and overhead stay as they are. Which "
                + "is the highest precision that fits?";
        Question v = StepQuestions.choice(id, 4, topic(), Difficulty.HARD, ask, verdict,
                List.of(GpuPremise.usable(gpu), fp16.step("total"), int4.step("weights"), int4.step("total")),
                "Decide on the memory the driver reports, not the label.");
        return List.of(numeric(id, 0, "weights", "Weights", w), numeric(id, 1, "kvCache", "KV cache", k),
                numeric(id, 2, "overhead", "Activations and overhead", o), numeric(id, 3, "total", "Total", t),
                new ScenarioStep("verdict", "Verdict", v));
    }

    private ScenarioStep numeric(ScenarioId id, int index, String key, String title, Scenario s) {
        return new ScenarioStep(key, title, StepQuestions.numeric(id, index, topic(), Difficulty.HARD, s));
    }

    /** The very request DeployScenarioTemplate asks the engine about. */
    private static MemoryEstimate estimate(CatalogModel m, String format, long tokens, Gpu gpu) {
        return InferenceEstimator.memory(InferenceRequest.of(m.model(), Formats.parse(format))
                .withContext(tokens, 1).onGpus(gpu, 1));
    }

    static boolean close(MemoryEstimate e, Gpu gpu) {
        return Math.abs(e.perGpuBytes() - gpu.usableBytes()) < gpu.usableBytes() / 100;
    }

    static String gib(long bytes) {
        return NumericAnswer.bytes(bytes, Unit.GIB_UNIT).expected();
    }

    static String mib(long bytes) {
        return NumericAnswer.bytes(bytes, Unit.MIB_UNIT).expected();
    }
}
