package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.Step;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.training.Recompute;
import app.bytewise.engine.training.TrainingActivations;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** One-idea questions that fill each topic's ladder of difficulty. */
public final class BasicsTemplate extends NumericTemplate {

    public enum Variant {
        SCORES_DOUBLING("attention-scores-doubling", Topic.FLASH_ATTENTION, Difficulty.EASY),
        MEMORY_LEFT("memory-left-after-weights", Topic.INFERENCE_FIT, Difficulty.EASY),
        FP8_KV_SAVING("kv-fp8-saving", Topic.KV_QUANTIZATION, Difficulty.EASY),
        PIPELINE_ACTIVATIONS("pipeline-first-stage-activations", Topic.PARALLELISM, Difficulty.HARD),
        FLOAT_SPACING("float-spacing", Topic.PRECISION_FORMATS, Difficulty.HARD),
        INT8_SCALE("int8-absmax-scale", Topic.QUANTIZATION_METHODS, Difficulty.EASY),
        GIB_TO_GB("gib-to-gb", Topic.WEIGHT_MEMORY, Difficulty.EASY),
        ZERO1_OPTIMIZER("zero1-optimizer-per-gpu", Topic.ZERO, Difficulty.EASY);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public BasicsTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, c -> c.model().parameters() < 80_000_000_000L
                && c.model().architecture().orElseThrow().isUniform()
                && c.model().architecture().orElseThrow().slidingWindow() == 0);
        Architecture a = m.model().architecture().orElseThrow();
        return switch (variant) {
            case SCORES_DOUBLING -> {
                long s = DrillContext.within(m, 1024L << random.nextInt(4), 2);
                long bytes = (long) a.attentionHeads() * s * s * 2;
                yield new Scenario(String.format("In one layer of %s, eager attention's FP16 score matrix for a %,d-token "
                        + "sequence takes %s. How large is it for %,d tokens, in GiB?", m.name(), s,
                        app.bytewise.engine.ByteCount.of(bytes).display(), 2 * s), NumericAnswer.bytes(4 * bytes, Unit.GIB_UNIT),
                        Scenario.wrong(Misconception.QUADRATIC_AS_LINEAR, 2 * bytes, Misconception.WRONG_FORMAT_BYTES, 8 * bytes,
                                Misconception.BITS_AS_BYTES, 32 * bytes),
                        List.of(Step.bytes("scores", "Scores at twice the context", "heads × (2s)² × 2 bytes",
                                List.of(Step.Input.of("s", 2 * s, "tokens")), 4 * bytes, "")),
                        "Attention scores grow with s²: FlashAttention avoids storing them at all.");
            }
            case MEMORY_LEFT -> {
                long weights = WeightMemory.bytes(m.model(), Formats.parse("fp16"));
                Gpu gpu = context.gpu(random, "a100-80gb-sxm", "h100-sxm", "h200-sxm", "mi300x", "l40s", "rtx-4090");
                // What is left is counted from what the driver reports, not from the label.
                long usable = gpu.usableBytes();
                if (usable <= 2 * weights) {
                    yield scenario(random);
                }
                long left = usable - weights;
                yield new Scenario(String.format("%s (%,d parameters) is loaded in FP16 on one %s. How much memory "
                        + "is left for the KV cache and everything else, in GiB?", m.name(), m.model().parameters(),
                        UsableMemory.card(gpu)), NumericAnswer.bytes(left, Unit.GIB_UNIT),
                        Scenario.wrong(Misconception.LABEL_AS_USABLE, gpu.memoryBytes() - weights,
                                Misconception.WRONG_FORMAT_BYTES, usable - 2 * weights,
                                Misconception.NOMINAL_PARAMETER_COUNT, usable - 2 * DrillContext.nominal(m.model()),
                                // weights × 2^30 / 10^9 in two parts: the product overflowed a long above 8.6 GB.
                                Misconception.GIB_AS_GB, usable - (weights / 1_000_000_000L * (1L << 30)
                                        + weights % 1_000_000_000L * (1L << 30) / 1_000_000_000L)),
                        List.of(UsableMemory.step(gpu), WeightMemory.step(m.model(), Formats.parse("fp16"))),
                        "Free memory = what the driver reports − weights; subtract overhead and KV cache from what is left.");
            }
            case FP8_KV_SAVING -> {
                long tokens = DrillContext.within(m, 4096L << random.nextInt(4));
                long fp16 = KvCache.bytes(a, KvFormat.FP16, tokens, 1, 0);
                long saving = fp16 - KvCache.bytes(a, KvFormat.FP8, tokens, 1, 0);
                yield new Scenario(String.format("%s (%d layers, %d KV heads of dimension %d) keeps a %,d-token KV cache. "
                        + "How much memory does storing it in FP8 instead of FP16 save, in GiB?", m.name(), a.layers(),
                        a.kvHeads(), a.headDim(), tokens), NumericAnswer.bytes(saving, Unit.GIB_UNIT),
                        Scenario.wrong(Misconception.WRONG_FORMAT_BYTES, fp16, Misconception.KV_NO_FACTOR_TWO, saving / 2,
                                Misconception.KV_ATTENTION_HEADS, saving * a.gqaGroupSize(), Misconception.BITS_AS_BYTES, saving * 8),
                        List.of(KvCache.step(a, KvFormat.FP16, tokens, 1, 0)), "FP8 halves the KV cache: half the FP16 size is saved.");
            }
            case PIPELINE_ACTIVATIONS -> {
                int p = 2 << random.nextInt(3);
                long s = DrillContext.within(m, 2048);
                int b = 1 + random.nextInt(4);
                long perLayer = TrainingActivations.perLayer(a, s, b, 1, false, Recompute.SELECTIVE, false);
                long perStage = Math.ceilDiv(a.layers(), p);
                long held = perLayer * perStage * p;
                int micro = 4 * p;
                yield new Scenario(String.format("%s (%d layers, hidden %d) trains with %d pipeline stages, 1F1B "
                        + "scheduling, %d micro-batches of %d sequences of %,d tokens, selective recomputation (34·s·b·h "
                        + "bytes per layer). How much activation memory does the first stage hold at its peak, in GB?",
                        m.name(), a.layers(), a.hiddenSize(), p, micro, b, s), NumericAnswer.bytes(held, Unit.GB),
                        Scenario.wrong(Misconception.PIPELINE_ONE_MICROBATCH, perLayer * perStage,
                                Misconception.PIPELINE_ALL_MICROBATCHES, perLayer * perStage * micro,
                                Misconception.FORGOT_BATCH, held / b),
                        List.of(Step.bytes("activations", "First stage, p micro-batches in flight", "34·s·b·h × L/p × p",
                                List.of(Step.Input.of("p", p, "stages"), Step.Input.of("L/p", perStage, "layers")), held, "")),
                        "With 1F1B the first stage holds p micro-batches of its L/p layers: L layers' worth in total.");
            }
            case FLOAT_SPACING -> {
                record F(String name, int mantissa) {
                }
                F f = DrillContext.pick(random, List.of(new F("FP16", 10), new F("BF16", 7)));
                F other = f.mantissa() == 10 ? new F("BF16", 7) : new F("FP16", 10);
                int e = random.nextInt(12) - 4;
                // x = (1 + k/1000) · 2^e in exact decimal (a power of two divides a decimal exactly), so it reads
                // 10.88 and not the double's 10.879999999999999; ⌊log2 x⌋ = e.
                BigDecimal x = BigDecimal.valueOf(1000 + random.nextInt(1000), 3);
                x = e >= 0 ? x.multiply(BigDecimal.TWO.pow(e)) : x.divide(BigDecimal.TWO.pow(-e));
                double ulp = Math.scalb(1.0, e - f.mantissa());
                yield new Scenario(String.format("What is the gap between two consecutive %s numbers near x = %s (the "
                        + "spacing, or ulp, at x)?", f.name(), x.stripTrailingZeros().toPlainString()),
                        new NumericAnswer(BigDecimal.valueOf(ulp), Unit.FRACTION, 6,
                        Tolerance.relative("0.01")),
                        Scenario.wrong(Misconception.WRONG_MANTISSA, Math.scalb(1.0, e - other.mantissa()),
                                Misconception.ULP_OFF_BY_ONE, 2 * ulp,
                                Misconception.IGNORED_EXPONENT, Math.scalb(1.0, -f.mantissa())),
                        List.of(new Step("ulp", "Spacing near x", "2^(⌊log2 x⌋ − mantissa bits)",
                                List.of(Step.Input.of("⌊log2 x⌋", e, ""), Step.Input.of("mantissa bits", f.mantissa(), "")),
                                BigDecimal.valueOf(ulp), "", "")),
                        "Near x, a float's spacing is 2^(⌊log2 x⌋ − mantissa bits): BF16 is 8× coarser than FP16.");
            }
            case INT8_SCALE -> {
                double absmax = (1 + random.nextInt(400)) / 100.0;
                double scale = absmax / 127;
                yield new Scenario(String.format("Symmetric absmax INT8 quantization of a row whose largest magnitude is "
                        + "%s: what is the scale (the value of one step)?", trim(absmax)),
                        new NumericAnswer(BigDecimal.valueOf(scale), Unit.FRACTION, 6, Tolerance.relative("0.002")),
                        Scenario.wrong(Misconception.SYMMETRIC_255, absmax / 255, Misconception.INVERTED_SCALE, 127 / absmax,
                                Misconception.WRONG_FORMAT_BYTES, absmax / 7),
                        List.of(new Step("scale", "Absmax scale", "absmax / 127", List.of(Step.Input.of("absmax", trim(absmax))),
                                BigDecimal.valueOf(scale), "", "")),
                        "Symmetric INT8: scale = absmax / 127, q = round(x / scale).");
            }
            case GIB_TO_GB -> {
                double gib = (10 + random.nextInt(1900)) / 10.0;
                long bytes = Math.round(gib * (1L << 30));
                yield new Scenario(String.format("%s reports %s GiB of weights. How many GB (10^9 bytes) is that?",
                        m.name(), trim(gib)), NumericAnswer.bytes(bytes, Unit.GB),
                        Scenario.wrong(Misconception.GIB_AS_GB, Math.round(gib * 1e9),
                                Misconception.INVERTED_CONVERSION, Math.round(gib * 1e9 * 1e9 / (1L << 30)),
                                Misconception.BITS_AS_BYTES, bytes / 8),
                        List.of(Step.bytes("bytes", "GiB to bytes", "GiB × 2^30", List.of(), bytes, "")),
                        "1 GiB = 1.0737 GB: a figure in GB is about 7% larger than the same memory in GiB.");
            }
            case ZERO1_OPTIMIZER -> {
                long psi = m.model().parameters();
                int ranks = 2 << random.nextInt(7);
                long opt = Math.ceilDiv(12 * psi, ranks);
                yield new Scenario(String.format("ZeRO stage 1 over %d GPUs trains %s (%,d parameters) with mixed-precision "
                        + "AdamW (K = 12 bytes of optimizer state per parameter). How much optimizer state does each GPU "
                        + "hold, in GB?", ranks, m.name(), psi), NumericAnswer.bytes(opt, Unit.GB),
                        Scenario.wrong(Misconception.FORGOT_DIVISION, 12 * psi, Misconception.FORGOT_MASTER_WEIGHTS, 8 * psi / ranks,
                                Misconception.NOMINAL_PARAMETER_COUNT, Math.ceilDiv(12 * DrillContext.nominal(m.model()), ranks)),
                        List.of(Step.bytes("optimizer", "Optimizer state per GPU", "K·Ψ / N_d", List.of(), opt, "")),
                        "Stage 1 shards only the optimizer state: K·Ψ / N_d per GPU, weights and gradients stay whole.");
            }
        };
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
