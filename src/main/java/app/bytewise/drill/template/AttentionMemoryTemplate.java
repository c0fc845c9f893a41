package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingActivations;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Attention's quadratic memory: the b × heads × s × s score matrix that eager attention stores and
 * FlashAttention never does (Dao et al. 2022), and Korthikanti et al.'s per-layer activations.
 */
public final class AttentionMemoryTemplate extends NumericTemplate {

    public enum Variant { SCORES, LAYER_ACTIVATIONS, MODEL_ACTIVATIONS_FLASH }

    private final DrillContext context;
    private final Variant variant;

    public AttentionMemoryTemplate(DrillContext context, Variant variant) {
        super(switch (variant) {
            case SCORES -> "attention-score-matrix";
            case LAYER_ACTIVATIONS -> "activations-per-layer";
            case MODEL_ACTIVATIONS_FLASH -> "activations-model-flash";
        }, variant == Variant.SCORES ? Topic.FLASH_ATTENTION : Topic.ACTIVATIONS,
                variant == Variant.MODEL_ACTIVATIONS_FLASH ? Difficulty.HARD : Difficulty.MEDIUM);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "mistral-7b-v0-1",
                "qwen2-7b", "gpt2-xl", "phi-3-mini-4k-instruct");
        Architecture a = m.model().architecture().orElseThrow();
        long s = DrillContext.within(m, 1024L << random.nextInt(4));
        int b = 2 + random.nextInt(7);
        long sbh = s * b * a.hiddenSize();
        if (variant == Variant.SCORES) {
            long bytes = (long) b * a.attentionHeads() * s * s * 2;
            String text = String.format("Eager attention in one layer of %s (%d heads) materializes the attention scores "
                    + "for a batch of %d sequences of %,d tokens in FP16. How large is that score matrix, in GiB?",
                    m.name(), a.attentionHeads(), b, s);
            Step step = Step.bytes("scores", "Attention scores, one layer", "b × heads × s × s × 2 bytes",
                    List.of(Step.Input.of("b", b, ""), Step.Input.of("heads", a.attentionHeads(), ""), Step.Input.of("s", s, "tokens")),
                    bytes, "FlashAttention computes the same softmax in tiles and never stores this matrix.");
            return new Scenario(text, NumericAnswer.bytes(bytes, Unit.GIB_UNIT),
                    Scenario.wrong(Misconception.ATTENTION_ONE_HEAD, bytes / a.attentionHeads(),
                            Misconception.FORGOT_BATCH, bytes / b,
                            Misconception.WRONG_FORMAT_BYTES, 2 * bytes),
                    List.of(step), "The score matrix grows with s²: doubling the context quadruples it.");
        }
        boolean flash = variant == Variant.MODEL_ACTIVATIONS_FLASH;
        // Korthikanti's 34·s·b·h, as the question states it (FlashAttention's small log-sum-exp left out).
        long noSquare = TrainingActivations.perLayer(a, s, b, 1, false, Recompute.SELECTIVE, false);
        long withSquare = TrainingActivations.perLayer(a, s, b, 1, false, Recompute.NONE, false);
        long perLayer = flash ? noSquare : withSquare;
        long answer = flash ? perLayer * a.layers() : perLayer;
        String text = flash
                ? String.format("Training %s (%d layers, hidden size %d) with FlashAttention and no recomputation, micro-batch "
                        + "%d, sequence %,d: how much activation memory do the layers store, per Korthikanti et al. "
                        + "(34·s·b·h bytes per layer), in GB?", m.name(), a.layers(), a.hiddenSize(), b, s)
                : String.format("Training %s (hidden size %d, %d heads) without recomputation or FlashAttention, micro-batch "
                        + "%d, sequence %,d: how much activation memory does one layer store, per Korthikanti et al. "
                        + "s·b·h·(34 + 5·a·s/h), in GB?", m.name(), a.hiddenSize(), a.attentionHeads(), b, s);
        Step step = Step.bytes("activations", "Activations (Korthikanti et al. 2022, Table 2)",
                flash ? "34·s·b·h × layers" : "s·b·h·(34 + 5·a·s/h)",
                List.of(Step.Input.of("s", s, "tokens"), Step.Input.of("b", b, ""), Step.Input.of("h", a.hiddenSize(), ""),
                        Step.Input.of("a", a.attentionHeads(), "heads")), answer, "");
        return new Scenario(text, NumericAnswer.bytes(answer, Unit.GB),
                flash ? Scenario.wrong(Misconception.PER_LAYER_ONLY, noSquare,
                        Misconception.FLASH_STORES_SCORES, withSquare * a.layers(),
                        Misconception.FORGOT_BATCH, answer / b)
                        : Scenario.wrong(Misconception.SQUARED_TERM_MISSING, noSquare,
                        Misconception.FORGOT_BATCH, perLayer / b),
                List.of(step), "Without FlashAttention or recomputation the 5·a·s/h term (scores, softmax, dropout) dominates at long sequences.");
    }
}
