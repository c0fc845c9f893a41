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
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.Step;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.format.WeightFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceEstimator;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** Memory questions on formats, sliding windows, paging, batch capacity, MoE and FP8 KV headroom. */
public final class MoreMemoryTemplate extends NumericTemplate {

    public enum Variant {
        BYTES_PER_PARAMETER("bytes-per-parameter", Topic.PRECISION_FORMATS, Difficulty.EASY),
        SLIDING_WINDOW("kv-cache-sliding-window", Topic.KV_CACHE, Difficulty.HARD),
        PAGED("kv-cache-paged", Topic.KV_CACHE, Difficulty.MEDIUM),
        LARGEST_BATCH("largest-batch-on-gpu", Topic.INFERENCE_FIT, Difficulty.HARD),
        MOE_ACTIVE("moe-weights-read-per-token", Topic.WEIGHT_MEMORY, Difficulty.MEDIUM),
        FP8_HEADROOM("kv-fp8-context-headroom", Topic.KV_QUANTIZATION, Difficulty.MEDIUM);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public MoreMemoryTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        return switch (variant) {
            case BYTES_PER_PARAMETER -> bytesPerParameter(random);
            case SLIDING_WINDOW -> slidingWindow(random);
            case PAGED -> paged(random);
            case LARGEST_BATCH -> largestBatch(random);
            case MOE_ACTIVE -> moeActive(random);
            case FP8_HEADROOM -> fp8Headroom(random);
        };
    }

    private Scenario bytesPerParameter(SplittableRandom random) {
        record Fmt(String name, double bytes, double nominal) {
        }
        Fmt f = DrillContext.pick(random, List.of(new Fmt("FP32", 4, 4), new Fmt("TF32 (stored as FP32)", 4, 4),
                new Fmt("BF16", 2, 2), new Fmt("FP16", 2, 2), new Fmt("FP8 E4M3", 1, 1), new Fmt("INT8", 1, 1),
                new Fmt("INT4 with an FP16 scale per 32 weights", 4.5 / 8, 0.5),
                new Fmt("NF4 with an FP32 absmax per 64 weights", 4.5 / 8, 0.5),
                new Fmt("GGUF Q8_0 (34 bytes per 32 weights)", 34.0 / 32, 1), new Fmt("GGUF Q4_K (144 bytes per 256 weights)",
                        144.0 / 256, 0.5)));
        String text = "How much memory does each billion parameters take in " + f.name() + ", scales included, in GB?";
        long perBillion = Math.round(f.bytes() * 1e9);
        Step step = Step.bytes("bytes", "Bytes per billion parameters", "10^9 × (bits / 8, plus shared scales)",
                List.of(Step.Input.of("format", f.name()), Step.Input.of("bytes per parameter", String.valueOf(f.bytes()))),
                perBillion, "");
        var wrong = new java.util.LinkedHashMap<Misconception, BigDecimal>();
        if (f.nominal() != f.bytes()) {
            wrong.put(Misconception.NOMINAL_BITS, BigDecimal.valueOf(Math.round(f.nominal() * 1e9)));
            wrong.put(Misconception.SCALE_PER_WEIGHT, BigDecimal.valueOf(Math.round((f.nominal() + 2) * 1e9)));
        }
        wrong.put(Misconception.BITS_AS_BYTES, BigDecimal.valueOf(perBillion * 8));
        wrong.put(Misconception.WRONG_FORMAT_BYTES, BigDecimal.valueOf(f.bytes() >= 2 ? perBillion / 2 : perBillion * 2));
        return new Scenario(text, NumericAnswer.bytes(perBillion, Unit.GB), wrong, List.of(step),
                "Bytes per parameter = bits / 8, and block formats add their scales: 1B parameters in BF16 take 2 GB.");
    }

    private Scenario slidingWindow(SplittableRandom random) {
        CatalogModel m = context.model(random, "mistral-7b-v0-1", "gemma-2-9b", "gemma-2-2b", "gemma-2-27b");
        Architecture a = m.model().architecture().orElseThrow();
        long tokens = DrillContext.within(m, 16_384L << random.nextInt(2));
        int batch = 1 + random.nextInt(4);
        long kv = KvCache.bytes(a, KvFormat.FP16, tokens, batch, 0);
        long full = DrillContext.ignoringWindow(a, tokens, batch);
        String text = String.format("%s has %d layers with %d KV heads of dimension %d.%s How large is the FP16 KV cache "
                + "for %d sequence%s of %,d tokens, in GiB?", m.name(), a.layers(), a.kvHeads(), a.headDim(),
                DrillContext.windowPremise(m, tokens), batch, batch > 1 ? "s" : "", tokens);
        return new Scenario(text, NumericAnswer.bytes(kv, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.IGNORED_SLIDING_WINDOW, full,
                        Misconception.KV_NO_FACTOR_TWO, kv / 2,
                        Misconception.KV_ATTENTION_HEADS, kv * a.gqaGroupSize(),
                        Misconception.FORGOT_BATCH, kv / batch),
                List.of(KvCache.step(a, KvFormat.FP16, tokens, batch, 0)),
                "Sliding-window layers cap their cache at the window; only global layers grow with the whole context.");
    }

    private Scenario paged(SplittableRandom random) {
        CatalogModel m = context.model(random, DrillContext::groupedQuery);
        Architecture a = m.model().architecture().orElseThrow();
        long tokens = 17 + random.nextInt(300);
        int batch = 8 + random.nextInt(57);
        long paged = KvCache.bytes(a, KvFormat.FP16, tokens, batch, 16);
        long exact = KvCache.bytes(a, KvFormat.FP16, tokens, batch, 0);
        String text = String.format("vLLM serves %s (%d layers, %d KV heads of dimension %d) with %d sequences of %d tokens "
                + "each, in a paged FP16 KV cache of 16-token blocks. How much KV cache memory is allocated, in MiB?",
                m.name(), a.layers(), a.kvHeads(), a.headDim(), batch, tokens);
        return new Scenario(text, NumericAnswer.bytes(paged, Unit.MIB_UNIT),
                Scenario.wrong(Misconception.IGNORED_PAGE_ROUNDING, exact,
                        Misconception.KV_NO_FACTOR_TWO, paged / 2,
                        Misconception.KV_ATTENTION_HEADS, paged * a.gqaGroupSize(),
                        Misconception.FORGOT_BATCH, paged / batch),
                List.of(KvCache.step(a, KvFormat.FP16, tokens, batch, 16)),
                "Pages waste at most one partial block per sequence, far less than reserving the maximum length.");
    }

    private Scenario largestBatch(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "meta-llama-3-8b", "mistral-7b-v0-1", "qwen2-7b",
                "llama-3-2-3b", "llama-2-13b");
        Gpu gpu = context.gpu(random, "a100-80gb-sxm", "h100-sxm", "l40s", "a100-40gb-sxm", "rtx-4090");
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("fp16", "int8")));
        long tokens = DrillContext.within(m, 2048L << random.nextInt(3));
        MemoryEstimate one = InferenceEstimator.memory(InferenceRequest.of(m.model(), format).withContext(tokens, 1));
        long weights = one.component("weights");
        long overhead = one.component("overhead");
        long perSequence = one.component("kvCache");
        // Batch capacity is decided on what the driver reports, not on the label.
        long free = gpu.usableBytes() - weights - overhead;
        if (free < 2 * perSequence) {
            return largestBatch(random);
        }
        Architecture a = m.model().architecture().orElseThrow();
        String text = String.format("%s in %s runs on one %s. Each sequence runs to a context of %,d tokens, with an FP16 "
                + "KV cache.%s Counting weights, KV cache and 1 GiB of overhead (no activations), how many sequences fit "
                + "in one batch at most?", m.name(), format.label(), UsableMemory.card(gpu), tokens,
                DrillContext.windowPremise(m, tokens));
        long batch = free / perSequence;
        Step last = new Step("batch", "Sequences that fit", "⌊(usable − weights − overhead) / KV cache per sequence⌋",
                List.of(Step.Input.of("free", free, "bytes"), Step.Input.of("per sequence", perSequence, "bytes")),
                BigDecimal.valueOf(batch), "sequences", "");
        return new Scenario(text, NumericAnswer.count(batch),
                Scenario.wrong(Misconception.IGNORED_SLIDING_WINDOW, DrillContext.windowPremise(m, tokens).isEmpty() ? 0
                                : free / DrillContext.ignoringWindow(a, tokens, 1),
                        Misconception.LABEL_AS_USABLE, (gpu.memoryBytes() - weights - overhead) / perSequence,
                        Misconception.FORGOT_OVERHEAD, (free + overhead) / perSequence,
                        Misconception.KV_NO_FACTOR_TWO, free / (perSequence / 2),
                        Misconception.KV_ATTENTION_HEADS, free / (perSequence * a.gqaGroupSize()),
                        Misconception.GB_AS_GIB, (UsableMemory.decimalMisread(gpu) - weights - overhead) / perSequence),
                List.of(UsableMemory.step(gpu), one.step("weights"), one.step("kvCache"), one.step("overhead"), last),
                "Batch capacity = (usable memory − weights − overhead) / KV cache per sequence; usable is what the "
                        + "driver reports.");
    }

    private Scenario moeActive(SplittableRandom random) {
        CatalogModel m = context.model(random, "mixtral-8x7b-v0-1", "mixtral-8x22b-v0-1");
        Architecture a = m.model().architecture().orElseThrow();
        int k = 1 + random.nextInt(4);
        WeightFormat format = Formats.parse(DrillContext.pick(random, List.of("bf16", "int8", "int4")));
        double bytesPerParam = format.nominalBits() / 8;
        long total = m.model().parameters();
        long experts = m.model().tensorGroups().stream().filter(g -> g.first().isExpert())
                .mapToLong(app.bytewise.engine.model.TensorGroup::elements).sum();
        long active = total - experts + experts / a.experts() * k;
        long bytes = Math.round(active * bytesPerParam);
        String text = String.format("%s has %,d parameters, %,d of them in its %d experts per layer. If each token is "
                + "routed to %d expert%s per layer, how many GB of weights does one token read in %s (at %s bytes per "
                + "parameter)?", m.name(), total, experts, a.experts(), k, k > 1 ? "s" : "", format.label(),
                bytesPerParam == 0.5 ? "0.5" : String.valueOf((long) bytesPerParam));
        Step step = Step.bytes("active", "Weights read per token", "(shared + experts × k / E) × bytes per parameter",
                List.of(Step.Input.of("E", a.experts(), "experts"), Step.Input.of("k", k, "per token")), bytes, "");
        return new Scenario(text, NumericAnswer.bytes(bytes, Unit.GB),
                Scenario.wrong(Misconception.MOE_ALL_EXPERTS, Math.round(total * bytesPerParam),
                        Misconception.MOE_FRACTION_OF_ALL, Math.round(total * bytesPerParam * k / a.experts()),
                        Misconception.BITS_AS_BYTES, bytes * 8),
                List.of(step), "MoE saves compute, not memory: every expert must be resident, but each token uses only k.");
    }

    private Scenario fp8Headroom(SplittableRandom random) {
        CatalogModel m = context.model(random, DrillContext::groupedQuery);
        Architecture a = m.model().architecture().orElseThrow();
        long freeGiB = 4 + random.nextInt(29);
        long perToken = KvCache.bytes(a, KvFormat.FP8, 1, 1, 0);
        long tokens = (freeGiB << 30) / perToken;
        String text = String.format("After loading %s, %d GiB remain for the KV cache (%d layers, %d KV heads of dimension "
                + "%d). How many tokens fit if the cache is stored in FP8?", m.name(), freeGiB, a.layers(), a.kvHeads(),
                a.headDim());
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(tokens), Unit.TOKENS, 0, Tolerance.DEFAULT),
                Scenario.wrong(Misconception.WRONG_FORMAT_BYTES, tokens / 2,
                        Misconception.KV_NO_FACTOR_TWO, tokens * 2,
                        Misconception.KV_ATTENTION_HEADS, tokens / a.gqaGroupSize(),
                        Misconception.GB_AS_GIB, freeGiB * 1_000_000_000L / perToken),
                List.of(KvCache.step(a, KvFormat.FP8, 1, 1, 0)), "Halving the bytes per element doubles the tokens that fit.");
    }
}
