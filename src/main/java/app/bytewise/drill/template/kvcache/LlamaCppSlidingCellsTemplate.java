package app.bytewise.drill.template.kvcache;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Topic;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How many cells llama.cpp gives a sliding-window layer: not the window but
 * pad256(window + n_ubatch), since a whole micro-batch of new tokens arrives before the oldest leave
 * the window (src/llama-kv-cache-iswa.cpp; {@link LlamaCppProfile}, checked against the real llama.cpp).
 */
public final class LlamaCppSlidingCellsTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("llamacpp-swa-cells", Topic.KV_CACHE, Difficulty.HARD);
    private final DrillContext context;

    public LlamaCppSlidingCellsTemplate(DrillContext context) {
        super(KEY);
        this.context = context;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "gpt-oss-20b", "gpt-oss-120b", "gemma-2-9b", "gemma-2-27b");
        Architecture a = m.model().architecture().orElseThrow();
        int window = a.slidingWindow();
        int ubatch = 128 << random.nextInt(5);
        long nCtx = DrillContext.within(m, (window >= 4096 ? 16_384L : 8_192L) << random.nextInt(3));
        LlamaCppSettings s = LlamaCppSettings.defaults(nCtx, 1).withUbatch(ubatch);
        EngineAllocation e = LlamaCppProfile.allocate(m.model(), s);
        CacheAllocation swa = e.caches().stream().filter(c -> c.kind() == CacheKind.SLIDING).findFirst().orElseThrow();
        long cells = swa.cells();
        if (cells >= LlamaCppProfile.pad(nCtx)) {
            return scenario(random); // the window must cap the cache, or the question asks nothing about it
        }
        String text = String.format(Locale.ROOT, "%s has sliding-window layers with a %,d-token window. llama-server "
                + "runs it with -c %,d, one slot, -ub %d (the micro-batch) and the default cache that keeps the sliding "
                + "layers small (no --swa-full). How many cells does llama.cpp give the sliding layers' KV cache?",
                m.name(), window, nCtx, ubatch);
        Step step = new Step("swaCells", "Cells of the sliding-window cache", "min(pad256(n_ctx), pad256(window + n_ubatch))",
                List.of(Input.of("window", window, "tokens"), Input.of("n_ubatch", ubatch, "tokens"),
                        Input.of("n_ctx", nCtx, "cells")), BigDecimal.valueOf(cells), "cells",
                "llama.cpp prints: llama_kv_cache_iswa: creating     SWA KV cache, size = " + cells + " cells");
        return new Scenario(text, NumericAnswer.count(cells),
                Scenario.wrong(Misconception.SWA_WITHOUT_UBATCH, LlamaCppProfile.pad(window),
                        Misconception.SWA_UNPADDED, window + ubatch,
                        Misconception.IGNORED_SLIDING_WINDOW, LlamaCppProfile.pad(nCtx)),
                List.of(step), "A sliding layer holds its window plus one micro-batch, padded to 256 cells.");
    }
}
