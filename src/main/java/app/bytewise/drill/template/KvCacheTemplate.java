package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** KV-cache size: 2 × layers × KV heads × head dim × tokens × batch × bytes, from real configs. */
public final class KvCacheTemplate extends NumericTemplate {

    public enum Variant {
        MULTI_HEAD("kv-cache-mha", Topic.KV_CACHE, Difficulty.EASY),
        GROUPED_QUERY("kv-cache-gqa", Topic.KV_CACHE, Difficulty.MEDIUM),
        BATCHED("kv-cache-batch", Topic.KV_CACHE, Difficulty.MEDIUM),
        PER_TOKEN("kv-cache-per-token", Topic.KV_CACHE, Difficulty.EASY),
        FP8("kv-cache-fp8", Topic.KV_QUANTIZATION, Difficulty.MEDIUM),
        KIVI("kv-cache-kivi", Topic.KV_QUANTIZATION, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private static final long[] CONTEXTS = {2048, 4096, 8192, 16_384, 32_768};

    private final DrillContext context;
    private final Variant variant;

    public KvCacheTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = variant == Variant.MULTI_HEAD
                ? context.model(random, DrillContext::multiHead)
                : context.model(random, DrillContext::groupedQuery);
        Architecture a = m.model().architecture().orElseThrow();
        long tokens = variant == Variant.PER_TOKEN ? 1 : DrillContext.within(m, CONTEXTS[random.nextInt(CONTEXTS.length)]);
        int batch = variant == Variant.BATCHED ? 2 + random.nextInt(31) : 1;
        KvFormat format = switch (variant) {
            case FP8 -> KvFormat.FP8;
            case KIVI -> KvFormat.parse(random.nextBoolean() ? "int4" : "int2");
            default -> KvFormat.FP16;
        };
        long bytes = KvCache.bytes(a, format, tokens, batch, 0);
        long fp16 = KvCache.bytes(a, KvFormat.FP16, tokens, batch, 0);
        Unit unit = variant == Variant.PER_TOKEN ? Unit.KIB_UNIT : variant == Variant.BATCHED ? Unit.GB : Unit.GIB_UNIT;
        Map<app.bytewise.drill.Misconception, BigDecimal> wrong = new LinkedHashMap<>();
        if (variant == Variant.KIVI) {
            wrong.put(Misconception.NOMINAL_BITS, BigDecimal.valueOf(fp16 * format.bits() / 16));
            wrong.put(Misconception.WRONG_FORMAT_BYTES, BigDecimal.valueOf(fp16));
        }
        if (a.kvHeads() != a.attentionHeads()) {
            wrong.put(Misconception.KV_ATTENTION_HEADS, BigDecimal.valueOf(bytes * a.gqaGroupSize()));
        }
        wrong.put(Misconception.KV_NO_FACTOR_TWO, BigDecimal.valueOf(bytes / 2));
        if (batch > 1) {
            wrong.put(Misconception.FORGOT_BATCH, BigDecimal.valueOf(bytes / batch));
        }
        if (variant != Variant.KIVI) {
            wrong.put(Misconception.WRONG_FORMAT_BYTES, BigDecimal.valueOf(format == KvFormat.FP8 ? fp16 : bytes * 2));
        }
        wrong.put(Misconception.BITS_AS_BYTES, BigDecimal.valueOf(bytes * 8));
        String storage = switch (variant) {
            case FP8 -> "in FP8 (1 byte per element)";
            case KIVI -> "quantized KIVI-style to " + format.bits() + " bits (group 32, an FP16 scale and zero point per "
                    + "group, the last 128 tokens in FP16)";
            default -> "in FP16";
        };
        String what = variant == Variant.PER_TOKEN
                ? "How much KV cache does each token add"
                : String.format("How large is the KV cache for %s%,d tokens", batch > 1 ? batch + " sequences of " : "", tokens);
        String text = String.format("%s has %d layers, %d attention heads and %d KV heads of dimension %d. %s, stored %s, "
                + "in %s?", m.name(), a.layers(), a.attentionHeads(), a.kvHeads(), a.headDim(), what, storage, unit.symbol());
        return new Scenario(text, NumericAnswer.bytes(bytes, unit), wrong,
                List.of(KvCache.step(a, format, tokens, batch, 0)),
                "KV cache = 2 × layers × KV heads × head dim × tokens × batch × bytes: use the KV heads, not the "
                        + "attention heads.");
    }
}
