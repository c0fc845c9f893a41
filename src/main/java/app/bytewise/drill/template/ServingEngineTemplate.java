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
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import app.bytewise.engine.serving.vllm.VllmBudget;
import app.bytewise.engine.serving.vllm.VllmProfile;
import app.bytewise.engine.serving.vllm.VllmSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Questions on what a serving engine really allocates, answered by its profile: llama.cpp's padded,
 * per-slot streams, vLLM's token count from a budget in pages, and vLLM's concurrency when sliding
 * layers need fewer pages than full ones.
 */
public final class ServingEngineTemplate extends NumericTemplate {

    public enum Variant {
        LLAMACPP_STREAMS("llamacpp-kv-cells-streams", Topic.KV_CACHE, Difficulty.MEDIUM),
        VLLM_TOKENS("vllm-kv-cache-tokens", Topic.INFERENCE_FIT, Difficulty.MEDIUM),
        VLLM_CONCURRENCY("vllm-concurrency-sliding", Topic.INFERENCE_FIT, Difficulty.HARD);

        final TemplateKey key;

        Variant(String id, Topic topic, Difficulty difficulty) {
            key = new TemplateKey(id, topic, difficulty);
        }
    }

    private static final long GIB = 1L << 30;
    private final DrillContext context;
    private final Variant variant;

    public ServingEngineTemplate(DrillContext context, Variant variant) {
        super(variant.key);
        this.context = context;
        this.variant = variant;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        return switch (variant) {
            case LLAMACPP_STREAMS -> llamaCpp(random);
            case VLLM_TOKENS -> vllmTokens(random);
            case VLLM_CONCURRENCY -> concurrency(random);
        };
    }

    private Scenario llamaCpp(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-2-7b", "llama-3-1-8b", "qwen3-8b", "meta-llama-3-8b");
        Architecture a = m.model().architecture().orElseThrow();
        int slots = 2 + random.nextInt(5);
        long nCtx = DrillContext.within(m, 1_000L * (3 + random.nextInt(6)) + 100L * random.nextInt(10));
        EngineAllocation e = LlamaCppProfile.allocate(m.model(), LlamaCppSettings.defaults(nCtx, slots));
        long perCell = e.kvCacheBytes() / (e.caches().getFirst().cells() * slots);
        long cells = e.caches().getFirst().cells();
        if (perCell * nCtx == e.kvCacheBytes() || LlamaCppProfile.pad(nCtx) * slots == cells * slots) {
            return scenario(random); // padding must change the answer, or the question cannot tell who forgot it
        }
        String text = String.format(Locale.ROOT, "%s (%d layers, %d KV heads of dimension %d) is served by llama-server "
                + "with -c %,d -np %d and an f16 cache (not unified). How much KV cache does llama.cpp allocate, in MiB?",
                m.name(), a.layers(), a.kvHeads(), a.headDim(), nCtx, slots);
        Step step = Step.bytes("kvCache", "llama.cpp KV cache", "layers × streams × pad256(pad256(n_ctx) / n_seq_max) "
                + "× 2 × n_kv × d_head × 2 bytes", List.of(Input.of("n_ctx", nCtx, "cells"), Input.of("n_seq_max", slots, ""),
                Input.of("cells per stream", cells, ""), Input.of("bytes per cell", perCell, "bytes")), e.kvCacheBytes(),
                String.join(" ", e.notes()) + " llama.cpp prints: " + e.log().getFirst());
        return new Scenario(text, NumericAnswer.bytes(e.kvCacheBytes(), Unit.MIB_UNIT),
                Scenario.wrong(Misconception.NO_CONTEXT_PADDING, perCell * nCtx,
                        Misconception.CONTEXT_PER_SLOT, perCell * LlamaCppProfile.pad(nCtx) * slots,
                        Misconception.KV_NO_FACTOR_TWO, e.kvCacheBytes() / 2),
                List.of(step), "n_ctx is padded to 256 and shared by the slots, each a stream padded again.");
    }

    private Scenario vllmTokens(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-3-1-8b", "qwen3-8b", "mistral-nemo-base-2407", "qwen3-32b");
        Architecture a = m.model().architecture().orElseThrow();
        long gib = 4 + random.nextInt(28);
        long len = DrillContext.within(m, 4096L << random.nextInt(4));
        VllmSettings s = VllmSettings.defaults(len).withKvCacheMemory(gib * GIB);
        EngineAllocation e = VllmProfile.allocate(m.model(), s, VllmBudget.of(s, Optional.empty(), 0, 0, 0));
        long page = 16L * a.kvHeads() * 2 * a.headDim() * 2 * a.layers();
        String text = String.format(Locale.ROOT, "vLLM %s serves %s (%d layers, %d KV heads of dimension %d, BF16 cache) "
                + "and logs \"Available KV cache memory: %d.00 GiB\". What does it print as \"GPU KV cache size\", in "
                + "tokens?", VllmProfile.VERSION, m.name(), a.layers(), a.kvHeads(), a.headDim(), gib);
        Step step = new Step("kvTokens", "vLLM KV-cache tokens", "⌊budget / (16 × layers × 2 × n_kv × d_head × 2 bytes)⌋ "
                + "blocks × 16 tokens", List.of(Input.of("budget", gib * GIB, "bytes"), Input.of("block", page, "bytes")),
                BigDecimal.valueOf(e.cacheTokens()), Unit.TOKENS.symbol(), String.join(" ", e.log()));
        long perTokenHeads = (long) a.attentionHeads() * 2 * a.headDim() * 2 * a.layers();
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(e.cacheTokens()), Unit.TOKENS, 0,
                Tolerance.relative("0.005")),
                Scenario.wrong(Misconception.KV_NO_FACTOR_TWO, 2 * e.cacheTokens(),
                        Misconception.GIB_AS_GB, gib * 1_000_000_000L / page * 16,
                        Misconception.KV_ATTENTION_HEADS, gib * GIB / perTokenHeads),
                List.of(step), "vLLM cuts the budget into 16-token blocks of every layer's keys and values.");
    }

    private Scenario concurrency(SplittableRandom random) {
        CatalogModel m = context.model(random, "gpt-oss-20b", "gpt-oss-120b");
        long len = 32_768L << random.nextInt(3);
        long blocks = 4_000L + 1_000L * random.nextInt(20);
        Architecture a = m.model().architecture().orElseThrow();
        int half = a.layers() / 2;
        long budget = blocks * half * 32_768;
        VllmSettings s = VllmSettings.defaults(len).withBatchedTokens(8_192).withKvCacheMemory(budget);
        EngineAllocation e = VllmProfile.allocate(m.model(), s, VllmBudget.of(s, Optional.empty(), 0, 0, 0));
        BigDecimal answer = BigDecimal.valueOf(e.concurrency()).setScale(2, RoundingMode.HALF_EVEN);
        String text = String.format(Locale.ROOT, "vLLM %s serves %s: %d full-attention layers and %d layers with a "
                + "128-token window, 8 KV heads of dimension 64, 16-token pages, max_num_batched_tokens 8,192. Its pool "
                + "has %,d blocks shared by the two layer groups. What \"Maximum concurrency\" does it print for "
                + "%,d-token requests?", VllmProfile.VERSION, m.name(), half, half, blocks, len);
        long full = Math.ceilDiv(len, 16);
        long sliding = Math.ceilDiv(Math.min(127 + 8_192, len), 16) + 1;
        Step step = new Step("concurrency", "vLLM maximum concurrency", "blocks / (cdiv(L, 16) + cdiv(min(W − 1 + "
                + "max_num_batched_tokens, L), 16) + 1)", List.of(Input.of("blocks", blocks, ""), Input.of("full pages", full,
                ""), Input.of("sliding pages", sliding, "")), answer, "", String.join(" ", e.log()));
        return new Scenario(text, new NumericAnswer(answer, Unit.FRACTION, 2, Tolerance.relative("0.01")),
                Scenario.wrong(Misconception.CONCURRENCY_AS_TOKENS_RATIO, BigDecimal.valueOf(e.cacheTokens())
                                .divide(BigDecimal.valueOf(len), 2, RoundingMode.HALF_EVEN),
                        Misconception.WINDOW_WITHOUT_BATCHED_TOKENS, BigDecimal.valueOf(blocks).divide(BigDecimal.valueOf(
                                full + Math.ceilDiv(127, 16) + 1), 2, RoundingMode.HALF_EVEN),
                        Misconception.PAGES_PER_LAYER, BigDecimal.valueOf(blocks).divide(BigDecimal.valueOf(
                                (full + sliding) * half), 4, RoundingMode.HALF_EVEN)),
                List.of(step), "A request needs every full page and only the window's pages of the sliding group.");
    }
}
