package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Questions on the architectures of 2025–2026, each on a named catalog model: the latent cache of
 * multi-head latent attention, the memory of a mixture of experts (all parameters, not the active
 * ones), and the cache of a hybrid whose recurrent layers keep a fixed state.
 */
public final class ModernArchitectureTemplate extends NumericTemplate {

    public enum Variant {
        LATENT_CACHE("kv-cache-latent-attention", Topic.KV_CACHE, Difficulty.MEDIUM),
        MOE_TOTAL("moe-weights-all-experts", Topic.WEIGHT_MEMORY, Difficulty.EASY),
        HYBRID_STATE("kv-cache-hybrid-state", Topic.KV_CACHE, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private final DrillContext context;
    private final Variant variant;

    public ModernArchitectureTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        return switch (variant) {
            case LATENT_CACHE -> latent(random);
            case MOE_TOTAL -> moeTotal(random);
            case HYBRID_STATE -> hybrid(random);
        };
    }

    private Scenario latent(SplittableRandom random) {
        CatalogModel m = context.model(random, "deepseek-v3", "kimi-k2-instruct", "deepseek-v2-lite");
        Architecture a = m.model().architecture().orElseThrow();
        Attention.Latent mla = (Attention.Latent) a.kinds().getFirst().attention();
        long tokens = DrillContext.within(m, 4096L << random.nextInt(4));
        int batch = 1 + random.nextInt(8);
        long kv = KvCache.bytes(a, KvFormat.BF16, tokens, batch, 0);
        long perHead = (long) a.layers() * mla.heads() * (mla.qkHeadDim() + mla.vHeadDim()) * tokens * batch * 2;
        String text = String.format(Locale.ROOT, "%s has %d layers of multi-head latent attention with %d heads: "
                + "kv_lora_rank %d, qk_rope_head_dim %d, qk_nope_head_dim %d, v_head_dim %d. An engine that caches the "
                + "latent keeps how much BF16 KV cache for %d sequence%s of %,d tokens, in GiB?", m.name(), a.layers(),
                mla.heads(), mla.kvLoraRank(), mla.qkRopeHeadDim(), mla.qkNopeHeadDim(), mla.vHeadDim(), batch,
                batch > 1 ? "s" : "", tokens);
        return new Scenario(text, NumericAnswer.bytes(kv, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.LATENT_AS_HEADS, perHead, Misconception.LATENT_DOUBLED, 2 * kv,
                        Misconception.FORGOT_ROPE_KEY, kv / mla.cachedValuesPerToken() * mla.kvLoraRank()),
                List.of(KvCache.step(a, KvFormat.BF16, tokens, batch, 0)),
                "MLA caches one latent of kv_lora_rank + qk_rope_head_dim values per token and layer, with no factor 2.");
    }

    private Scenario moeTotal(SplittableRandom random) {
        CatalogModel m = context.model(random, "qwen3-30b-a3b", "qwen3-235b-a22b", "deepseek-v2-lite",
                "qwen1-5-moe-a2-7b", "llama-4-scout-17b-16e", "gpt-oss-120b");
        record Width(String id, String name, int bytes) {
        }
        Width w = DrillContext.pick(random, List.of(new Width("bf16", "BF16", 2), new Width("fp16", "FP16", 2),
                new Width("fp32", "FP32", 4)));
        long total = m.model().parameters();
        long active = m.model().activeParameters();
        long bytes = WeightMemory.bytes(m.model(), Formats.parse(w.id()));
        String text = String.format(Locale.ROOT, "%s has %,d parameters, of which %,d are used for each token. How "
                + "much memory do its weights take in %s, in GiB?", m.name(), total, active, w.name());
        return new Scenario(text, NumericAnswer.bytes(bytes, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.ACTIVE_AS_TOTAL, w.bytes() * active,
                        Misconception.WRONG_FORMAT_BYTES, w.bytes() == 4 ? 2 * total : 4 * total,
                        Misconception.BITS_AS_BYTES, 8L * w.bytes() * total),
                List.of(WeightMemory.step(m.model(), Formats.parse(w.id()))),
                "Every expert is in memory: weights = all parameters × bytes per parameter; the active count sets compute.");
    }

    private Scenario hybrid(SplittableRandom random) {
        CatalogModel m = context.model(random, "jamba-v0-1", "qwen3-next-80b-a3b-instruct");
        Architecture a = m.model().architecture().orElseThrow();
        long tokens = DrillContext.within(m, 8192L << random.nextInt(5));
        int batch = 1 + random.nextInt(8);
        long kv = KvCache.bytes(a, KvFormat.BF16, tokens, batch, 0);
        Attention.Full attention = null;
        Attention recurrent = null;
        for (LayerBlock k : a.kinds()) {
            if (k.attention() instanceof Attention.Full f) {
                attention = f;
            } else if (k.attention().stateValues() > 0) {
                recurrent = k.attention();
            }
        }
        int attentionLayers = a.layersOf(Attention.Full.class);
        int recurrentLayers = a.layers() - attentionLayers;
        long stateBytes = recurrent.stateValues() * 4;
        long perTokenLayer = 2L * attention.kvHeads() * attention.headDim() * 2;
        long attentionBytes = attentionLayers * perTokenLayer * tokens * batch;
        long states = recurrentLayers * stateBytes * batch;
        String kind = recurrent instanceof Attention.Mamba ? "Mamba" : "gated DeltaNet";
        String text = String.format(Locale.ROOT, "%s has %d layers: %d attention layers with %d KV heads of dimension %d, "
                + "and %d %s layers that each keep a fixed state of %,d bytes per sequence (FP32). How much memory do "
                + "the BF16 KV cache and the states take for %d sequence%s of %,d tokens, in GiB?", m.name(), a.layers(),
                attentionLayers, attention.kvHeads(), attention.headDim(), recurrentLayers, kind, stateBytes, batch,
                batch > 1 ? "s" : "", tokens);
        return new Scenario(text, NumericAnswer.bytes(kv, Unit.GIB_UNIT),
                Scenario.wrong(Misconception.HYBRID_ALL_ATTENTION, (long) a.layers() * perTokenLayer * tokens * batch,
                        Misconception.FORGOT_RECURRENT_STATE, attentionBytes,
                        Misconception.KV_NO_FACTOR_TWO, attentionBytes / 2 + states),
                List.of(KvCache.step(a, KvFormat.BF16, tokens, batch, 0)),
                "Only the attention layers grow with the context; each recurrent layer adds a fixed state per sequence.");
    }
}
