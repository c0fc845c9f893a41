package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.InferenceResult;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Serving memory: weights + KV cache + a 1 GiB runtime overhead (activations left out to keep the
 * sum short), and, in the hard variant, the longest context that fits a GPU.
 */
public final class InferenceTotalTemplate extends NumericTemplate {

    private final DrillContext context;
    private final boolean longestContext;

    public InferenceTotalTemplate(DrillContext context, boolean longestContext) {
        super(longestContext ? "longest-context-on-gpu" : "inference-total-memory", Topic.INFERENCE_FIT,
                longestContext ? Difficulty.HARD : Difficulty.MEDIUM);
        this.context = context;
        this.longestContext = longestContext;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "qwen2-7b",
                "llama-3-1-8b", "gemma-7b", "llama-3-2-3b");
        Architecture a = m.model().architecture().orElseThrow();
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp16", "int8", "gptq-4bit-g128")));
        long context = DrillContext.within(m, 1024L << random.nextInt(5));
        int batch = 1 << random.nextInt(3);
        InferenceRequest base = InferenceRequest.of(m.model(), format).withContext(context, batch);
        MemoryEstimate memory = InferenceEstimator.memory(base);
        long weights = memory.component("weights");
        long kv = memory.component("kvCache");
        long overhead = memory.component("overhead");
        if (longestContext) {
            Gpu gpu = this.context.gpu(random, "a10g", "rtx-4090", "l4", "a100-40gb-sxm", "rtx-3090");
            // Fits are decided on what the driver reports (as the estimator decides them), not on the label.
            long free = gpu.usableBytes() - weights - overhead;
            long perToken = kv / context / batch;
            if (free <= perToken) {
                return scenario(random);
            }
            long tokens = free / perToken;
            String text = String.format("%s in %s must run on one %s with a batch of %d. Counting weights, an "
                    + "FP16 KV cache and 1 GiB of runtime overhead (no activations), how many tokens of context fit per "
                    + "sequence at most?", m.name(), format.label(), UsableMemory.card(gpu), batch);
            long perTokenAll = perToken * batch;
            return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(tokens / batch), Unit.TOKENS, 0,
                    Tolerance.relative("0.02")),
                    Scenario.wrong(Misconception.LABEL_AS_USABLE, (gpu.memoryBytes() - weights - overhead) / perTokenAll,
                            Misconception.FORGOT_BATCH, (free / perTokenAll) * batch,
                            Misconception.KV_NO_FACTOR_TWO, 2 * (free / perTokenAll),
                            Misconception.FORGOT_OVERHEAD, (free + overhead) / perTokenAll,
                            Misconception.GB_AS_GIB, (UsableMemory.decimalMisread(gpu) - weights - overhead) / perTokenAll),
                    List.of(UsableMemory.step(gpu), memory.step("weights"), memory.step("kvCache"), memory.step("overhead")),
                    "Free memory (what the driver reports, less weights and overhead) divided by the KV bytes per token "
                            + "of all sequences.");
        }
        long total = weights + kv + overhead;
        String text = String.format("You serve %s in %s with %d sequence%s of %,d tokens and an FP16 KV cache. Counting "
                + "weights, KV cache and 1 GiB of runtime overhead (leave activations out), how much GPU memory is "
                + "needed, in GB?", m.name(), format.label(), batch, batch > 1 ? "s" : "", context);
        Map<Misconception, BigDecimal> wrong = new LinkedHashMap<>();
        wrong.put(Misconception.FORGOT_KV_CACHE, BigDecimal.valueOf(weights + overhead));
        wrong.put(Misconception.KV_NO_FACTOR_TWO, BigDecimal.valueOf(weights + kv / 2 + overhead));
        if (a.kvHeads() != a.attentionHeads()) {
            wrong.put(Misconception.KV_ATTENTION_HEADS, BigDecimal.valueOf(weights + kv * a.gqaGroupSize() + overhead));
        }
        wrong.put(Misconception.FORGOT_OVERHEAD, BigDecimal.valueOf(weights + kv));
        wrong.put(Misconception.NOMINAL_PARAMETER_COUNT, BigDecimal.valueOf(
                Math.round(DrillContext.nominal(m.model()) * format.nominalBits() / 8) + kv + overhead));
        wrong.put(Misconception.WRONG_FORMAT_BYTES, BigDecimal.valueOf(
                (format.nominalBits() == 16 ? 2 : 1) * 2 * m.model().parameters() + kv + overhead));
        wrong.put(Misconception.BITS_AS_BYTES, BigDecimal.valueOf(8 * weights + kv + overhead));
        return new Scenario(text, NumericAnswer.bytes(total, Unit.GB), wrong,
                List.of(memory.step("weights"), memory.step("kvCache"), memory.step("overhead")),
                "Serving memory is weights + KV cache + overhead (+ activations); the KV cache grows with context and batch.");
    }
}
