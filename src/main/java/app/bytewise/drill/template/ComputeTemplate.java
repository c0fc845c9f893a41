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
import app.bytewise.engine.gpu.Gpu;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Time and bandwidth: the bandwidth a target decode speed needs (memory bound), and the prefill
 * time of a prompt (compute bound, about 2 FLOPs per parameter per token; Kaplan et al. 2020).
 */
public final class ComputeTemplate extends NumericTemplate {

    private final DrillContext context;
    private final boolean prefill;

    public ComputeTemplate(DrillContext context, boolean prefill) {
        super(prefill ? "prefill-time" : "bandwidth-for-target-speed", Topic.DECODE_SPEED,
                prefill ? Difficulty.HARD : Difficulty.MEDIUM);
        this.context = context;
        this.prefill = prefill;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "mistral-7b-v0-1",
                "llama-3-2-3b", "qwen2-7b", "llama-2-70b");
        long n = m.model().parameters();
        if (prefill) {
            Gpu gpu = context.gpu(random, "a100-80gb-sxm", "h100-sxm", "l40s", "rtx-4090", "a10", "l4");
            long tokens = DrillContext.within(m, 512L << random.nextInt(5));
            double flops = gpu.dense16BitTflops() * 1e12;
            double seconds = 2.0 * n * tokens / flops;
            String text = String.format("%s (%,d parameters) processes a %,d-token prompt on one %s (%.1f dense BF16 "
                    + "TFLOPS). Ignoring attention's own FLOPs and assuming full utilisation, how long does the prefill "
                    + "take at least, in ms?", m.name(), n, tokens, gpu.name(), gpu.dense16BitTflops());
            Step step = new Step("prefill", "Prefill lower bound", "2 × N × tokens / FLOPS",
                    List.of(Step.Input.of("N", n, "parameters"), Step.Input.of("tokens", tokens, "")),
                    BigDecimal.valueOf(seconds), "s", "");
            return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(seconds), Unit.MILLISECOND, 2, Tolerance.relative("0.03")),
                    Scenario.wrong(Misconception.FORGOT_TWO_FLOPS, seconds / 2,
                            Misconception.NOMINAL_PARAMETER_COUNT, 2.0 * DrillContext.nominal(m.model()) * tokens / flops,
                            Misconception.BITS_AS_BYTES, seconds * 8,
                            Misconception.FORGOT_BATCH, 2.0 * n / flops),
                    List.of(step), "Prefill is compute bound: about 2 × parameters FLOPs per token.");
        }
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp16", "int8", "gguf:Q4_K_M")));
        long weights = WeightMemory.bytes(m.model(), format);
        int target = 10 * (2 + random.nextInt(19));
        double bandwidth = (double) weights * target;
        String text = String.format("You want %s in %s to decode %d tokens/s for one sequence at short context. What "
                + "memory bandwidth does that need at least, in GB/s?", m.name(), format.label(), target);
        Step weightStep = WeightMemory.step(m.model(), format);
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(bandwidth), Unit.GB_PER_S, 1, Tolerance.relative("0.02")),
                Scenario.wrong(Misconception.WRONG_FORMAT_BYTES, 2.0 * n * target * (format.nominalBits() == 16 ? 2 : 1),
                        Misconception.GIB_AS_GB, bandwidth * 1e9 / (1L << 30),
                        Misconception.BITS_AS_BYTES, bandwidth * 8,
                        Misconception.NOMINAL_PARAMETER_COUNT, (double) DrillContext.nominal(m.model())
                                * format.nominalBits() / 8 * target),
                List.of(weightStep), "Every generated token reads all weights: bandwidth ≥ weight bytes × tokens/s.");
    }
}
