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
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Capacity questions turned around: how many parameters fit a card, how many GPUs hold a model's
 * weights, and at what context the KV cache outgrows the weights.
 */
public final class CapacityTemplate extends NumericTemplate {

    public enum Variant {
        PARAMETERS_THAT_FIT("parameters-that-fit", Topic.PRECISION_FORMATS, Difficulty.MEDIUM),
        MINIMUM_GPUS("minimum-gpus-for-weights", Topic.INFERENCE_FIT, Difficulty.MEDIUM),
        KV_EQUALS_WEIGHTS("context-where-kv-equals-weights", Topic.KV_CACHE, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public CapacityTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        return switch (variant) {
            case PARAMETERS_THAT_FIT -> parametersThatFit(random);
            case MINIMUM_GPUS -> minimumGpus(random);
            case KV_EQUALS_WEIGHTS -> kvEqualsWeights(random);
        };
    }

    private Scenario parametersThatFit(SplittableRandom random) {
        Gpu gpu = context.gpu(random, "rtx-4090", "rtx-3060-12gb", "a100-40gb-sxm", "a100-80gb-sxm", "l4", "t4", "h200-sxm");
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp32", "fp16", "int8", "int4")));
        double bytesPerParam = format.nominalBits() / 8;
        // What fits is decided on what the driver reports, not on the label.
        long usable = gpu.usableBytes();
        long params = (long) (usable / bytesPerParam);
        String text = String.format("Ignoring everything but the weights, how many parameters stored in %s fit in one "
                + "%s? Answer in parameters.", format.label(), UsableMemory.card(gpu));
        Step step = new Step("capacity", "Parameters that fit", "usable memory / bytes per parameter",
                List.of(Step.Input.of("usable memory", usable, "bytes"), Step.Input.of("bytes per parameter",
                        String.valueOf(bytesPerParam))), BigDecimal.valueOf(params), "parameters", "");
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(params), Unit.ONE, 0, Tolerance.DEFAULT),
                Scenario.wrong(Misconception.LABEL_AS_USABLE, (long) (gpu.memoryBytes() / bytesPerParam),
                        Misconception.GB_AS_GIB, (long) (UsableMemory.decimalMisread(gpu) / bytesPerParam),
                        Misconception.BITS_AS_BYTES, (long) (usable / format.nominalBits()),
                        Misconception.WRONG_FORMAT_BYTES, (long) (usable / (bytesPerParam == 2 ? 4 : 2))),
                List.of(UsableMemory.step(gpu), step),
                "Parameters that fit = usable memory / bytes per parameter; a card holds what its driver reports, a "
                        + "little less than the label.");
    }

    private Scenario minimumGpus(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-70b", "meta-llama-3-70b", "qwen2-72b", "mixtral-8x7b-v0-1",
                "mixtral-8x22b-v0-1", "llama-3-1-405b", "gemma-2-27b", "llama-2-13b");
        Gpu gpu = context.gpu(random, "a100-40gb-sxm", "a100-80gb-sxm", "h100-sxm", "rtx-4090", "l40s", "a10g");
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp16", "int8", "fp32")));
        long weights = WeightMemory.bytes(m.model(), format);
        long usable = gpu.usableBytes();
        long gpus = Math.ceilDiv(weights, usable);
        String text = String.format("%s in %s: how many %s GPUs (%s) are needed at least just to hold the weights, "
                + "split evenly?", m.name(), format.label(), gpu.name(), UsableMemory.phrase(gpu));
        Step count = new Step("gpus", "GPUs for the weights", "⌈weights / usable memory per GPU⌉",
                List.of(Step.Input.of("weights", weights, "bytes"), Step.Input.of("usable memory", usable, "bytes")),
                BigDecimal.valueOf(gpus), "GPUs", "");
        return new Scenario(text, NumericAnswer.count(gpus),
                Scenario.wrong(Misconception.LABEL_AS_USABLE, Math.ceilDiv(weights, gpu.memoryBytes()),
                        Misconception.BITS_AS_BYTES, Math.ceilDiv(weights * 8, usable),
                        Misconception.WRONG_FORMAT_BYTES, Math.ceilDiv(weights * (format.nominalBits() == 16 ? 2 : 1)
                                * (format.nominalBits() == 16 ? 1 : 2), usable),
                        Misconception.NOMINAL_PARAMETER_COUNT, Math.ceilDiv(Math.round(DrillContext.nominal(m.model())
                                * format.nominalBits() / 8), usable),
                        Misconception.GB_AS_GIB, Math.ceilDiv(weights, UsableMemory.decimalMisread(gpu))),
                List.of(WeightMemory.step(m.model(), format), UsableMemory.step(gpu), count),
                "GPUs needed = ⌈weights / usable memory per GPU⌉, before the KV cache.");
    }

    private Scenario kvEqualsWeights(SplittableRandom random) {
        CatalogModel m = context.model(random, c -> DrillContext.multiHead(c) || DrillContext.groupedQuery(c));
        Architecture a = m.model().architecture().orElseThrow();
        long weights = WeightMemory.bytes(m.model(), Formats.parse("fp16"));
        long perToken = KvCache.bytes(a, KvFormat.FP16, 1, 1, 0);
        long tokens = weights / perToken;
        String text = String.format("%s (FP16 weights, %d layers, %d KV heads of dimension %d) serves one sequence with "
                + "an FP16 KV cache. At how many tokens of context does the KV cache take as much memory as the weights?",
                m.name(), a.layers(), a.kvHeads(), a.headDim());
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(tokens), Unit.TOKENS, 0, Tolerance.DEFAULT),
                Scenario.wrong(Misconception.KV_NO_FACTOR_TWO, 2 * tokens,
                        Misconception.KV_ATTENTION_HEADS, tokens / a.gqaGroupSize(),
                        Misconception.WRONG_FORMAT_BYTES, tokens / 2,
                        Misconception.BITS_AS_BYTES, tokens * 8),
                List.of(WeightMemory.step(m.model(), Formats.parse("fp16")), KvCache.step(a, KvFormat.FP16, 1, 1, 0)),
                "Beyond this context the KV cache, not the weights, dominates serving memory.");
    }
}
