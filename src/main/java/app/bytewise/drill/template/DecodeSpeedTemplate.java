package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.InferenceResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decode is memory-bandwidth bound: each generated token reads every weight and the KV cache once,
 * so tokens/s ≤ bandwidth / bytes read per step (Pope et al. 2022). The batched variant asks for
 * aggregate throughput.
 */
public final class DecodeSpeedTemplate extends NumericTemplate {

    private final DrillContext context;
    private final boolean batched;

    public DecodeSpeedTemplate(DrillContext context, boolean batched) {
        super(batched ? "decode-throughput-batch" : "decode-speed-bound", Topic.DECODE_SPEED,
                batched ? Difficulty.HARD : Difficulty.EASY);
        this.context = context;
        this.batched = batched;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-2-13b", "meta-llama-3-8b", "qwen2-7b",
                "llama-3-2-3b", "phi-3-mini-4k-instruct", "gemma-7b");
        Gpu gpu = context.gpu(random, "a100-80gb-sxm", "h100-sxm", "l40s", "rtx-4090", "a10g", "l4", "rtx-3090");
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp16", "int8", "gguf:Q4_K_M")));
        long tokens = batched ? DrillContext.within(m, 1024L << random.nextInt(3)) : 1;
        int batch = batched ? 2 << random.nextInt(4) : 1;
        InferenceRequest request = InferenceRequest.of(m.model(), format).withContext(tokens, batch).onGpus(gpu, 1);
        InferenceResult result = InferenceEstimator.estimate(request);
        double perSequence = result.decodeTokensPerSecond().orElseThrow();
        long weights = result.memory().component("weights");
        long kv = result.memory().component("kvCache");
        double bandwidth = gpu.bandwidthBytesPerSecond();
        double answer = batched ? perSequence * batch : perSequence;
        Map<Misconception, BigDecimal> wrong = new LinkedHashMap<>();
        if (batched) {
            wrong.put(Misconception.ONE_SEQUENCE_ONLY, BigDecimal.valueOf(perSequence));
            if (!DrillContext.windowPremise(m, tokens).isEmpty()) {
                long full = DrillContext.ignoringWindow(m.model().architecture().orElseThrow(), tokens, batch);
                wrong.put(Misconception.IGNORED_SLIDING_WINDOW, BigDecimal.valueOf(bandwidth / (weights + full) * batch));
            }
            wrong.put(Misconception.FORGOT_KV_CACHE, BigDecimal.valueOf(bandwidth / weights * batch));
            wrong.put(Misconception.FORGOT_BATCH, BigDecimal.valueOf(bandwidth / (weights + kv / batch) * batch));
            wrong.put(Misconception.GB_AS_GIB, BigDecimal.valueOf(answer * 1e9 / (1L << 30)));
            wrong.put(Misconception.BITS_AS_BYTES, BigDecimal.valueOf(answer / 8));
        } else {
            double otherBytes = format.nominalBits() == 16 ? 4.0 : 2.0;
            wrong.put(Misconception.WRONG_FORMAT_BYTES, BigDecimal.valueOf(bandwidth / (otherBytes * m.model().parameters())));
            wrong.put(Misconception.NOMINAL_BITS, BigDecimal.valueOf(bandwidth / (format.nominalBits() / 8 * m.model().parameters())));
            wrong.put(Misconception.GB_AS_GIB, BigDecimal.valueOf(answer * 1e9 / (1L << 30)));
            wrong.put(Misconception.BITS_AS_BYTES, BigDecimal.valueOf(answer / 8));
        }
        String text = batched
                ? String.format("%s in %s serves %d sequences at once on one %s (%,.0f GB/s), each at a context of %,d "
                        + "tokens with an FP16 KV cache.%s What upper bound does memory bandwidth put on the total decode "
                        + "throughput, in tokens/s?", m.name(), format.label(), batch, gpu.name(), gpu.bandwidthGBps(), tokens,
                        DrillContext.windowPremise(m, tokens))
                : String.format("%s in %s runs on one %s (%,.0f GB/s memory bandwidth), one sequence, short context. "
                        + "What is the upper bound on decode speed, in tokens/s?", m.name(), format.label(), gpu.name(),
                        gpu.bandwidthGBps());
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(answer), Unit.TOKENS_PER_S, 1, Tolerance.relative("0.03")),
                wrong, result.memory().steps().stream().filter(s -> List.of("weights", "kvCache", "decodeSpeed")
                        .contains(s.key())).toList(),
                "Decoding reads all weights (and the KV cache) for every step: tokens/s ≤ bandwidth / bytes read.");
    }
}
