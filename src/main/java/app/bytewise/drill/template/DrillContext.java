package app.bytewise.drill.template;

import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.catalog.ModelCatalog;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** The real models and GPUs templates draw from. */
public record DrillContext(ModelCatalog models, GpuCatalog gpus) {

    public static DrillContext load() {
        return new DrillContext(ModelCatalog.load(), GpuCatalog.load());
    }

    /**
     * The models a template draws from by filter, frozen in this order: a question's id is its template
     * and seed, and the same id must keep asking the same question (saved answers, quiz replays) when
     * models are added to the catalog. Templates about newer models name them explicitly.
     */
    static final List<String> FILTER_POOL = List.of("falcon-7b", "gemma-2-27b", "gemma-2-2b", "gemma-2-9b", "gemma-2b",
            "gemma-7b", "gpt-neox-20b", "gpt2", "gpt2-large", "gpt2-medium", "gpt2-xl", "llama-2-13b", "llama-2-70b",
            "llama-2-7b", "llama-3-1-405b", "llama-3-1-70b", "llama-3-1-8b", "llama-3-2-1b", "llama-3-2-3b",
            "meta-llama-3-70b", "meta-llama-3-8b", "mistral-7b-v0-1", "mixtral-8x22b-v0-1", "mixtral-8x7b-v0-1",
            "opt-1-3b", "opt-125m", "opt-350m", "opt-6-7b", "phi-3-medium-4k-instruct", "phi-3-mini-4k-instruct",
            "qwen2-0-5b", "qwen2-5-0-5b", "qwen2-72b", "qwen2-7b");

    public CatalogModel model(SplittableRandom random, Predicate<CatalogModel> filter) {
        List<CatalogModel> pool = FILTER_POOL.stream().map(id -> models.require(id, "model")).filter(filter).toList();
        return pool.get(random.nextInt(pool.size()));
    }

    public CatalogModel model(SplittableRandom random, String... ids) {
        return models.require(ids[random.nextInt(ids.length)], "model");
    }

    public Gpu gpu(SplittableRandom random, String... ids) {
        return gpus.require(ids[random.nextInt(ids.length)], "gpu");
    }

    /** Dense models with one KV head per query head (multi-head attention). */
    public static boolean multiHead(CatalogModel m) {
        Architecture a = m.model().architecture().orElseThrow();
        return a.isUniform() && a.kvHeads() == a.attentionHeads() && a.slidingWindow() == 0;
    }

    /** Models with grouped- or multi-query attention and no sliding window. */
    public static boolean groupedQuery(CatalogModel m) {
        Architecture a = m.model().architecture().orElseThrow();
        return a.isUniform() && a.kvHeads() < a.attentionHeads() && a.slidingWindow() == 0;
    }

    /**
     * {@code tokens}, or fewer when the model is made for fewer ({@code max_position_embeddings}), with
     * room for {@code factor} times as many: a question never asks about a context the model cannot run.
     */
    public static long within(CatalogModel m, long tokens, int factor) {
        long limit = m.model().contextLimit();
        return limit > 0 ? Math.min(tokens, limit / factor) : tokens;
    }

    public static long within(CatalogModel m, long tokens) {
        return within(m, tokens, 1);
    }

    /**
     * The sentence stating a sliding window that caps the cache below {@code tokens} (" Every layer of
     * Mistral-7B-v0.1 attends through a 4,096-token sliding window and caches only that many tokens."),
     * or "" when none does: an answer computed with the cap must say so in its question.
     */
    public static String windowPremise(CatalogModel m, long tokens) {
        Architecture a = m.model().architecture().orElseThrow();
        if (a.slidingWindow() == 0 || tokens <= a.slidingWindow()) {
            return "";
        }
        String pattern = a.slidingPattern();
        return String.format(java.util.Locale.ROOT, " %s of %s attends through a %,d-token sliding window and caches only "
                + "that many tokens%s.", Character.toUpperCase(pattern.charAt(0)) + pattern.substring(1), m.name(),
                a.slidingWindow(), a.slidingLayerCount() < a.layers() ? "; the other layers attend to the whole context" : "");
    }

    /** The FP16 cache as if no layer had a sliding window: the value of ignoring it (every layer's K/V of one width). */
    public static long ignoringWindow(Architecture a, long tokens, int batch) {
        return 2L * a.layers() * a.kvHeads() * a.headDim() * tokens * batch * 2;
    }

    public static long nominal(Model m) {
        return app.bytewise.engine.shortcut.Shortcuts.nominalParameters(m.name()).orElse(m.parameters());
    }

    public static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
