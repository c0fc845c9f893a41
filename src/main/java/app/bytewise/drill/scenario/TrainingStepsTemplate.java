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
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Full fine-tuning with mixed-precision AdamW and ZeRO, step by step: the model states (2 + 2 + 12
 * bytes per parameter, ZeRO paper §3.1), the share one GPU keeps at the given stage over N_d GPUs,
 * that plus activations and overhead, and whether it fits. Every figure is TrainingEstimator's.
 */
public final class TrainingStepsTemplate implements ScenarioTemplate {

    static final String ID = "train-zero-fits";
    private static final int[] RANKS = {4, 8, 16, 32, 64};
    private static final int MAX_DRAWS = 500;
    private static final List<String> STATES = List.of("weights", "gradients", "optimizer");

    private final DrillContext context;

    public TrainingStepsTemplate(DrillContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Training with ZeRO: does it fit?";
    }

    @Override
    public Topic topic() {
        return Topic.ZERO;
    }

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
        CatalogModel m = context.model(random, c -> c.model().parameters() < 15_000_000_000L
                && c.model().architecture().isPresent());
        Gpu gpu = context.gpu(random, "a10g", "l4", "l40s", "a100-40gb-sxm", "a100-80gb-sxm", "h100-sxm");
        int stage = 1 + random.nextInt(3);
        int ranks = RANKS[random.nextInt(RANKS.length)];
        long tokens = DrillContext.within(m, 2048L << random.nextInt(2));
        TrainingRequest base = TrainingRequest.of(m.model(), Optimizer.ADAMW_MIXED)
                .withActivations(tokens, 1, Recompute.FULL, true).onGpu(gpu);
        MemoryEstimate whole = TrainingEstimator.estimate(base.withZero(0, 1));
        MemoryEstimate run = TrainingEstimator.estimate(base.withZero(stage, ranks));
        List<Long> others = new ArrayList<>();
        Map<Integer, Long> otherStates = new LinkedHashMap<>();
        for (int other = 0; other <= 3; other++) {
            if (other != stage) {
                MemoryEstimate alt = TrainingEstimator.estimate(base.withZero(other, ranks));
                others.add(alt.perGpuBytes());
                otherStates.put(other, states(alt));
            }
        }
        // Most draws fit; most of those are passed over so that both verdicts come up often.
        if (DeployStepsTemplate.close(run, gpu) || gpu.fits(run.perGpuBytes()) && random.nextInt(4) > 0) {
            return Optional.empty();
        }
        Optional<List<StepQuestions.Choice>> verdict = Verdicts.training(run, others, gpu);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        String premise = String.format(Locale.ROOT, "You fine-tune all of %s (%,d parameters) with mixed-precision "
                + "AdamW (BF16 weights and gradients; FP32 master weights, momentum and variance) on %d data-parallel "
                + "GPUs, each one %s, with ZeRO stage %d. Sequences of %,d tokens, micro-batch 1, full activation "
                + "recomputation and FlashAttention; about 1 GiB of runtime overhead per GPU. Each step is graded "
                + "against the correct values of the steps before it, not against what you entered for them.",
                m.name(), m.model().parameters(), ranks, GpuPremise.card(gpu), stage, tokens);
        return Optional.of(new StepScenario(id, title(), topic(), Difficulty.HARD, premise,
                steps(id, m.model().parameters(), stage, gpu, whole, run, otherStates, verdict.get()),
                "Model states are 16 bytes per parameter; ZeRO divides the sharded ones by N_d; then add activations "
                        + "and overhead and compare with what the driver reports."));
    }

    private List<ScenarioStep> steps(ScenarioId id, long psi, int stage, Gpu gpu, MemoryEstimate whole,
            MemoryEstimate run, Map<Integer, Long> otherStates, List<StepQuestions.Choice> verdict) {
        long all = states(whole);
        Scenario s1 = new Scenario("How much do the weights, gradients and optimizer state take in all, "
                + "before any sharding?", NumericAnswer.bytes(all, Unit.GB),
                Scenario.wrong(Misconception.ADAM_TEN_BYTES, 10 * psi, Misconception.FORGOT_GRADIENTS,
                        all - whole.component("gradients"), Misconception.FORGOT_MASTER_WEIGHTS, 12 * psi),
                statesSteps(whole), "Mixed-precision Adam: 2 + 2 + 12 = 16 bytes per parameter.");
        long sharded = states(run);
        Map<Misconception, BigDecimal> wrong = new LinkedHashMap<>();
        otherStates.values().stream().filter(b -> b != sharded).findFirst()
                .ifPresent(b -> wrong.put(Misconception.WRONG_ZERO_STAGE, BigDecimal.valueOf(b)));
        wrong.put(Misconception.ZERO_FIXED_FACTORS, BigDecimal.valueOf(16 * psi / switch (stage) {
            case 1 -> 4;
            case 2 -> 8;
            default -> 16;
        }));
        Scenario s2 = new Scenario("How much of them does each GPU keep at ZeRO stage " + stage + "?",
                NumericAnswer.bytes(sharded, Unit.GB), wrong, statesSteps(run),
                "Stage 1 shards the optimizer state, stage 2 also the gradients, stage 3 also the weights.");
        long perGpu = run.perGpuBytes();
        Scenario s3 = new Scenario("The engine puts the recomputed activations at "
                + DeployStepsTemplate.mib(run.component("activations")) + " per GPU. What does each GPU need in all, "
                + "with them and the overhead (use the correct sharded states)?", NumericAnswer.bytes(perGpu, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.FORGOT_OVERHEAD, perGpu - run.component("overhead")),
                List.of(run.step("activations"), run.step("overhead"), run.step("perGpu")),
                "Per GPU = sharded states + activations + overhead.");
        Question v = StepQuestions.choice(id, 3, topic(), Difficulty.HARD, "Does the run fit on each GPU?",
                verdict, List.of(GpuPremise.usable(gpu), run.step("perGpu")), "Decide on the memory the driver reports.");
        return List.of(numeric(id, 0, "states", "Model states", s1), numeric(id, 1, "sharded", "Sharded states", s2),
                numeric(id, 2, "perGpu", "Per GPU", s3), new ScenarioStep("verdict", "Verdict", v));
    }

    private ScenarioStep numeric(ScenarioId id, int index, String key, String title, Scenario s) {
        return new ScenarioStep(key, title, StepQuestions.numeric(id, index, topic(), Difficulty.HARD, s));
    }

    private static long states(MemoryEstimate e) {
        return STATES.stream().mapToLong(e::component).sum();
    }

    private static List<Step> statesSteps(MemoryEstimate e) {
        return e.steps().stream().filter(s -> STATES.contains(s.key())).toList();
    }
}
