package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.training.Optimizer;
import app.bytewise.engine.training.TrainingEstimator;
import app.bytewise.engine.training.TrainingRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Model states of mixed-precision Adam (2 + 2 + 12 = 16 bytes per parameter, ZeRO paper §3.1),
 * optionally sharded by a ZeRO stage over N_d GPUs.
 */
public final class TrainingStatesTemplate extends NumericTemplate {

    public enum Variant {
        ADAM_BARE("adam-model-states", Topic.TRAINING_MEMORY, Difficulty.EASY),
        ADAM_MODEL("adam-model-states-gib", Topic.TRAINING_MEMORY, Difficulty.MEDIUM),
        ZERO_STAGE("zero-per-gpu-states", Topic.ZERO, Difficulty.MEDIUM),
        ZERO_MODEL("zero-per-gpu-model", Topic.ZERO, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private static final long[] BARE = {1_000_000_000L, 1_300_000_000L, 1_500_000_000L, 2_700_000_000L,
        3_000_000_000L, 6_700_000_000L, 7_000_000_000L, 7_500_000_000L, 8_000_000_000L, 13_000_000_000L,
        20_000_000_000L, 30_000_000_000L, 34_000_000_000L, 65_000_000_000L, 70_000_000_000L, 175_000_000_000L};
    private static final int[] RANKS = {4, 8, 16, 32, 64, 128};

    private final DrillContext context;
    private final Variant variant;

    public TrainingStatesTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        boolean bare = variant == Variant.ADAM_BARE || variant == Variant.ZERO_STAGE;
        Model model;
        String subject;
        if (bare) {
            long n = BARE[random.nextInt(BARE.length)];
            model = Model.ofParameterCount(n);
            subject = "a model with " + WeightsTemplate.words(n) + " parameters";
        } else {
            var m = context.model(random, c -> c.model().parameters() < 15_000_000_000L);
            model = m.model();
            subject = String.format("%s (%,d parameters)", m.name(), model.parameters());
        }
        boolean zero = variant == Variant.ZERO_STAGE || variant == Variant.ZERO_MODEL;
        int stage = zero ? 1 + random.nextInt(3) : 0;
        int ranks = zero ? RANKS[random.nextInt(RANKS.length)] : 1;
        TrainingRequest request = TrainingRequest.of(model, Optimizer.ADAMW_MIXED).withZero(stage, ranks).withOverhead(0);
        MemoryEstimate estimate = TrainingEstimator.estimate(request);
        long states = estimate.component("weights") + estimate.component("gradients") + estimate.component("optimizer");
        long psi = model.parameters();
        Map<Misconception, BigDecimal> wrong = new LinkedHashMap<>();
        if (zero) {
            // The neighbouring stage is the one mixed up: 1 for 2 (and 2 for 1), 2 for 3.
            int other = stage == 1 ? 2 : stage == 2 ? 1 : 2;
            MemoryEstimate alt = TrainingEstimator.estimate(request.withZero(other, ranks));
            wrong.put(Misconception.WRONG_ZERO_STAGE, BigDecimal.valueOf(alt.component("weights")
                    + alt.component("gradients") + alt.component("optimizer")));
            long fixed = 16 * psi / switch (stage) {
                case 1 -> 4;
                case 2 -> 8;
                default -> 16;
            };
            wrong.put(Misconception.ZERO_FIXED_FACTORS, BigDecimal.valueOf(fixed));
            // 10 bytes = 16-bit weights (2) + momentum and variance (8), no gradients, no master copy, each
            // sharded as this stage shards it: weights from stage 3, optimizer state from stage 1.
            long weights = stage == 3 ? Math.ceilDiv(2 * psi, ranks) : 2 * psi;
            wrong.put(Misconception.ADAM_TEN_BYTES, BigDecimal.valueOf(weights + Math.ceilDiv(8 * psi, ranks)));
            wrong.put(Misconception.BITS_AS_BYTES, BigDecimal.valueOf(states * 8));
        } else {
            wrong.put(Misconception.ADAM_TEN_BYTES, BigDecimal.valueOf(10 * psi));
            wrong.put(Misconception.FORGOT_GRADIENTS, BigDecimal.valueOf(14 * psi));
            wrong.put(Misconception.FORGOT_MASTER_WEIGHTS, BigDecimal.valueOf(12 * psi));
        }
        Unit unit = variant == Variant.ADAM_MODEL ? Unit.GIB_UNIT : Unit.GB;
        String text = zero
                ? String.format("You train %s with mixed-precision AdamW and ZeRO stage %d over %d data-parallel GPUs. "
                        + "How much memory do the model states (weights, gradients, optimizer state) take per GPU, in %s?",
                        subject, stage, ranks, unit.symbol())
                : String.format("You train %s with mixed-precision AdamW (BF16 weights and gradients, FP32 optimizer "
                        + "state). How much memory do the model states take, before activations, in %s?", subject,
                        unit.symbol());
        return new Scenario(text, NumericAnswer.bytes(states, unit), wrong,
                estimate.steps().stream().filter(s -> List.of("weights", "gradients", "optimizer").contains(s.key())).toList(),
                zero ? "ZeRO divides the sharded states by N_d: stage 1 optimizer state, stage 2 also gradients, stage 3 also weights."
                        : "Mixed-precision Adam needs 16 bytes per parameter: 2 + 2 + 12.");
    }
}
