package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.Step;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Short facts computed from the formats: stored bits per weight of a block format (scales
 * included), and weights per GPU under tensor parallelism.
 */
public final class SmallFactsTemplate extends NumericTemplate {

    public enum Variant { BITS_PER_WEIGHT, TENSOR_PARALLEL_WEIGHTS }

    private final DrillContext context;
    private final Variant variant;

    public SmallFactsTemplate(DrillContext context, Variant variant) {
        super(variant == Variant.BITS_PER_WEIGHT ? "block-format-tensor-size" : "tensor-parallel-weights",
                variant == Variant.BITS_PER_WEIGHT ? Topic.QUANTIZATION_METHODS : Topic.PARALLELISM,
                variant == Variant.BITS_PER_WEIGHT ? Difficulty.MEDIUM : Difficulty.EASY);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        if (variant == Variant.BITS_PER_WEIGHT) {
            record Block(String name, int values, int bytes, String layout) {
            }
            Block b = DrillContext.pick(random, List.of(
                    new Block("Q4_0", 32, 18, "an FP16 scale and 32 four-bit codes"),
                    new Block("Q8_0", 32, 34, "an FP16 scale and 32 eight-bit codes"),
                    new Block("Q4_1", 32, 20, "an FP16 scale, an FP16 minimum and 32 four-bit codes"),
                    new Block("Q5_0", 32, 22, "an FP16 scale, 32 fifth bits and 32 four-bit codes"),
                    new Block("Q4_K", 256, 144, "two FP16 super-block scales, 12 bytes of 6-bit sub-block scales and "
                            + "mins, and 256 four-bit codes"),
                    new Block("Q6_K", 256, 210, "an FP16 scale, 16 int8 sub-block scales and 256 six-bit codes"),
                    new Block("Q5_1", 32, 24, "an FP16 scale, an FP16 minimum, 32 fifth bits and 32 four-bit codes"),
                    new Block("Q5_K", 256, 176, "two FP16 super-block scales, 12 bytes of 6-bit scales and mins, 32 bytes "
                            + "of fifth bits and 256 four-bit codes"),
                    new Block("Q3_K", 256, 110, "an FP16 scale, 12 bytes of 6-bit sub-block scales, 32 bytes of third bits "
                            + "and 256 two-bit codes"),
                    new Block("Q2_K", 256, 84, "FP16 scale and min, 16 bytes of 4-bit sub-block scales and mins and 256 "
                            + "two-bit codes")));
            long[] shapes = {2048, 3072, 4096, 5120, 8192, 11008, 14336};
            long rows = shapes[random.nextInt(shapes.length)];
            long cols = shapes[random.nextInt(shapes.length)];
            long n = rows * cols;
            long bytes = n / b.values() * b.bytes();
            int nominal = Integer.parseInt(b.name().substring(1, 2));
            String text = String.format("A %,d × %,d weight matrix is stored as GGUF %s: each block holds %d weights as "
                    + "%s (%d bytes). How much memory does the matrix take, in MiB?", rows, cols, b.name(), b.values(),
                    b.layout(), b.bytes());
            Step step = Step.bytes("weights", "Weights in " + b.name(), "rows × cols / weights per block × bytes per block",
                    List.of(Step.Input.of("rows × cols", n, "weights"), Step.Input.of("bytes", b.bytes(), "per block"),
                            Step.Input.of("weights", b.values(), "per block")), bytes,
                    String.format(java.util.Locale.ROOT, "%.4f bits per weight, scales included.", 8.0 * b.bytes() / b.values()));
            return new Scenario(text, NumericAnswer.bytes(bytes, Unit.MIB_UNIT),
                    Scenario.wrong(Misconception.NOMINAL_BITS, n * nominal / 8,
                            Misconception.SCALE_PER_WEIGHT, n * (nominal + 16) / 8,
                            Misconception.BITS_AS_BYTES, bytes * 8),
                    List.of(step), "Block formats pay for their scales: Q4_0 stores 4.5 bits per weight, not 4.");
        }
        CatalogModel m = context.model(random, "llama-2-70b", "meta-llama-3-70b", "llama-3-1-70b", "qwen2-72b",
                "mixtral-8x7b-v0-1", "llama-2-13b");
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp16", "bf16", "int8")));
        int t = 2 << random.nextInt(3);
        long weights = WeightMemory.bytes(m.model(), format);
        long perGpu = Math.ceilDiv(weights, t);
        String text = String.format("%s (%,d parameters) in %s is split over %d GPUs with tensor parallelism. How much "
                + "weight memory does each GPU hold, in GB?", m.name(), m.model().parameters(), format.label(), t);
        return new Scenario(text, NumericAnswer.bytes(perGpu, Unit.GB),
                Scenario.wrong(Misconception.FORGOT_DIVISION, weights,
                        Misconception.NOMINAL_PARAMETER_COUNT, DrillContext.nominal(m.model()) * (long) (format.nominalBits() / 8) / t,
                        Misconception.WRONG_FORMAT_BYTES, (long) (weights * (format.nominalBits() == 16 ? 2 : 0.5)) / t,
                        Misconception.BITS_AS_BYTES, weights * 8 / t),
                List.of(WeightMemory.step(m.model(), format)),
                "Tensor parallelism divides the weight matrices evenly: weights / t per GPU.");
    }
}
