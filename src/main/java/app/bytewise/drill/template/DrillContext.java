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

    public CatalogModel model(SplittableRandom random, Predicate<CatalogModel> filter) {
        List<CatalogModel> pool = models.all().stream().filter(filter).toList();
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
        return a.kvHeads() == a.attentionHeads() && a.slidingWindow() == 0;
    }

    /** Models with grouped- or multi-query attention and no sliding window. */
    public static boolean groupedQuery(CatalogModel m) {
        Architecture a = m.model().architecture().orElseThrow();
        return a.kvHeads() < a.attentionHeads() && a.slidingWindow() == 0;
    }

    public static long nominal(Model m) {
        return app.bytewise.engine.shortcut.Shortcuts.nominalParameters(m.name()).orElse(m.parameters());
    }

    static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
