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
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** Decode bounds for MoE and tensor parallelism, double quantization's saving, and where eager attention stops fitting. */
public final class MoreSpeedTemplate extends NumericTemplate {

    public enum Variant {
        MOE_DECODE("moe-decode-bound", Topic.DECODE_SPEED, Difficulty.HARD),
        TP_DECODE("tensor-parallel-decode-bound", Topic.DECODE_SPEED, Difficulty.MEDIUM),
        DOUBLE_QUANT_SAVING("nf4-double-quant-saving", Topic.QUANTIZATION_METHODS, Difficulty.MEDIUM),
        SCORES_LIMIT("attention-scores-context-limit", Topic.FLASH_ATTENTION, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public MoreSpeedTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        return switch (variant) {
            case MOE_DECODE -> {
                CatalogModel m = context.model(random, "mixtral-8x7b-v0-1", "mixtral-8x22b-v0-1");
                Gpu gpu = context.gpu(random, "h100-sxm", "h200-sxm", "mi300x", "a100-80gb-sxm", "b200");
                WeightFormat f = Formats.parse(DrillContext.pick(random, List.of("fp16", "int8", "gguf:Q4_K_M")));
                long weights = WeightMemory.bytes(m.model(), f);
                double activeBytes = (double) weights * m.model().activeParameters() / m.model().parameters();
                double bound = gpu.bandwidthBytesPerSecond() / activeBytes;
                yield new Scenario(String.format("%s in %s runs one sequence (short context) on GPUs with %,.0f GB/s of "
                        + "memory bandwidth in total. Each token reads only the experts it is routed to. What upper bound "
                        + "does bandwidth put on decode speed, in tokens/s?", m.name(), f.label(), gpu.bandwidthGBps()),
                        new NumericAnswer(BigDecimal.valueOf(bound), Unit.TOKENS_PER_S, 1, Tolerance.relative("0.03")),
                        Scenario.wrong(Misconception.MOE_ALL_EXPERTS, gpu.bandwidthBytesPerSecond() / weights,
                                Misconception.MOE_FRACTION_OF_ALL, gpu.bandwidthBytesPerSecond()
                                        / (weights * (double) m.model().architecture().orElseThrow().expertsPerToken()
                                        / m.model().architecture().orElseThrow().experts()),
                                Misconception.BITS_AS_BYTES, bound / 8),
                        List.of(WeightMemory.step(m.model(), f)),
                        "Batch-1 MoE decoding reads the shared weights and k experts per layer, not all of them.");
            }
            case TP_DECODE -> {
                CatalogModel m = context.model(random, "llama-2-70b", "meta-llama-3-70b", "qwen2-72b", "llama-2-13b");
                Gpu gpu = context.gpu(random, "a100-80gb-sxm", "h100-sxm", "l40s", "a100-40gb-sxm");
                int t = 2 << random.nextInt(2);
                WeightFormat f = Formats.parse("fp16");
                long weights = WeightMemory.bytes(m.model(), f);
                double bound = t * gpu.bandwidthBytesPerSecond() / weights;
                yield new Scenario(String.format("%s in FP16 is split over %d × %s (%,.0f GB/s each) with tensor "
                        + "parallelism. Ignoring communication, what upper bound does memory bandwidth put on single-"
                        + "sequence decode speed, in tokens/s?", m.name(), t, gpu.name(), gpu.bandwidthGBps()),
                        new NumericAnswer(BigDecimal.valueOf(bound), Unit.TOKENS_PER_S, 1, Tolerance.relative("0.03")),
                        Scenario.wrong(Misconception.FORGOT_DIVISION, bound / t,
                                Misconception.WRONG_FORMAT_BYTES, bound / 2,
                                Misconception.GB_AS_GIB, bound * 1e9 / (1L << 30),
                                Misconception.BITS_AS_BYTES, bound / 8),
                        List.of(WeightMemory.step(m.model(), f)),
                        "Each GPU reads only its shard, so tensor parallelism adds the GPUs' bandwidths (until communication bites).");
            }
            case DOUBLE_QUANT_SAVING -> {
                CatalogModel m = context.model(random, c -> c.model().parameters() > 1_000_000_000L
                        && c.model().parameters() < 100_000_000_000L);
                long plain = WeightMemory.bytes(m.model(), Formats.parse("nf4"));
                long dq = WeightMemory.bytes(m.model(), Formats.parse("nf4-dq"));
                long quantized = m.model().tensorGroups().stream().filter(g -> g.role().isBlockLinear())
                        .mapToLong(app.bytewise.engine.model.TensorGroup::elements).sum();
                yield new Scenario(String.format("%s is loaded in NF4 (blocks of 64 with an FP32 absmax; %,d parameters "
                        + "in the quantized linear layers). How much memory does double quantization of the absmax "
                        + "values save, in MB?", m.name(), quantized), NumericAnswer.bytes(plain - dq, Unit.MB),
                        Scenario.wrong(Misconception.NOMINAL_BITS, quantized / 16,
                                Misconception.BITS_AS_BYTES, (plain - dq) * 8,
                                Misconception.SCALE_PER_WEIGHT, quantized * 4 / 64 * 2),
                        List.of(new Step("saving", "Double-quantization saving", "FP32 absmax − (8-bit codes + FP32 per 256 blocks)",
                                List.of(Step.Input.of("quantized parameters", quantized, "")), BigDecimal.valueOf(plain - dq),
                                "bytes", "0.5 bit per parameter of scales becomes about 0.127 (QLoRA, §3).")),
                        "Double quantization saves about 0.37 bit per quantized parameter.");
            }
            case SCORES_LIMIT -> {
                CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "gpt2-xl",
                        "qwen2-7b", "phi-3-mini-4k-instruct");
                Architecture a = m.model().architecture().orElseThrow();
                long budgetGiB = 1L << random.nextInt(5);
                long tokens = (long) Math.floor(Math.sqrt((budgetGiB << 30) / (2.0 * a.attentionHeads())));
                yield new Scenario(String.format("Eager attention in one layer of %s (%d heads) stores the FP16 score "
                        + "matrix for one sequence. Up to how many tokens does that matrix stay within %d GiB?", m.name(),
                        a.attentionHeads(), budgetGiB), new NumericAnswer(BigDecimal.valueOf(tokens), Unit.TOKENS, 0,
                        Tolerance.DEFAULT),
                        Scenario.wrong(Misconception.ATTENTION_ONE_HEAD, (long) Math.sqrt((budgetGiB << 30) / 2.0),
                                Misconception.WRONG_FORMAT_BYTES, (long) Math.sqrt((budgetGiB << 30) / (4.0 * a.attentionHeads())),
                                Misconception.GB_AS_GIB, (long) Math.sqrt(budgetGiB * 1e9 / (2.0 * a.attentionHeads())),
                                Misconception.BITS_AS_BYTES, (long) Math.sqrt((budgetGiB << 30) / (16.0 * a.attentionHeads()))),
                        List.of(new Step("tokens", "Largest context for the score matrix", "√(budget / (heads × 2 bytes))",
                                List.of(Step.Input.of("heads", a.attentionHeads(), "")), BigDecimal.valueOf(tokens), "tokens", "")),
                        "The s × s score matrix grows quadratically; FlashAttention removes it entirely.");
            }
        };
    }
}
