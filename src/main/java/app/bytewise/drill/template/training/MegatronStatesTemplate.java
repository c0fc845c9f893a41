package app.bytewise.drill.template.training;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.catalog.CatalogModel;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Weights and optimizer state per GPU as Megatron-LM's theoretical memory report counts them
 * ({@code megatron/training/theoretical_memory_usage.py}, commit 1bcb3b9): BF16 weights (2 bytes), FP32 main
 * gradients (4) and, with {@code --use-distributed-optimizer}, FP32 main weights and Adam's two moments (12)
 * sharded over the data-parallel ranks: {@code Ψ·(6 + 12/N_d)} bytes with no tensor or pipeline parallelism.
 * For the Llama 3 8B example script on 8 GPUs Megatron printed 57,436.90 MB (FrameworkTermsTest).
 */
public final class MegatronStatesTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("megatron-distributed-optimizer-states", Topic.TRAINING_MEMORY,
            Difficulty.MEDIUM);
    private static final int[] RANKS = {2, 4, 8, 16, 32, 64};
    private final DrillContext context;

    public MegatronStatesTemplate(DrillContext context) {
        super(KEY);
        this.context = context;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "meta-llama-3-8b", "llama-2-7b", "llama-2-13b", "llama-2-70b",
                "qwen3-0-6b");
        long psi = m.model().parameters();
        int nd = RANKS[random.nextInt(RANKS.length)];
        // Ψ·(6 + 12/N_d) = (6·N_d + 12)·Ψ / N_d, rounded up to whole bytes.
        long bytes = Math.ceilDiv(psi * (6L * nd + 12), nd);
        String text = String.format(Locale.ROOT, "Megatron-LM trains %s (%,d parameters) with BF16 weights, FP32 main "
                + "gradients and Adam, using --use-distributed-optimizer over %d data-parallel GPUs (no tensor or "
                + "pipeline parallelism). How much weight and optimizer memory per GPU does its theoretical memory "
                + "report count, in GB?", m.name(), psi, nd);
        Step step = Step.bytes("weightAndOptimizer", "Weights and optimizer per GPU (Megatron-LM)", "Ψ·(6 + 12/N_d)",
                List.of(Input.of("Ψ", psi, "parameters"), Input.of("N_d", nd, "data-parallel ranks")), bytes,
                "2 bytes of BF16 weights and 4 of FP32 main gradients stay on every rank; the FP32 main weights and "
                        + "Adam's two moments, 12 bytes, are sharded.");
        return new Scenario(text, NumericAnswer.bytes(bytes, Unit.GB),
                Scenario.wrong(Misconception.MEGATRON_GRADIENTS_16BIT, Math.ceilDiv(psi * (4L * nd + 12), nd),
                        Misconception.WRONG_ZERO_STAGE, 18 * psi,
                        Misconception.ZERO_ALL_STATES_SHARDED, Math.ceilDiv(18 * psi, nd)),
                List.of(step), "Megatron keeps FP32 main gradients, so mixed-precision Adam is 18 bytes per parameter "
                        + "there, of which the distributed optimizer shards 12.");
    }
}
