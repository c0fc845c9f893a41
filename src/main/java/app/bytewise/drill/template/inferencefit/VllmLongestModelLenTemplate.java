package app.bytewise.drill.template.inferencefit;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.TemplateKey;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.drill.template.DrillContext;
import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.serving.vllm.VllmBudget;
import app.bytewise.engine.serving.vllm.VllmProfile;
import app.bytewise.engine.serving.vllm.VllmSettings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * "Will it start in vLLM?": a max_model_len whose one request does not fit the KV budget makes vLLM
 * refuse and print the longest length that would ({@link VllmProfile#longestFitting}, pinned to the
 * 122,080 tokens vllm-project/vllm#25350 printed).
 */
public final class VllmLongestModelLenTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("vllm-estimated-max-model-len", Topic.INFERENCE_FIT, Difficulty.HARD);
    private static final long MIB = 1L << 20;
    private final DrillContext context;

    public VllmLongestModelLenTemplate(DrillContext context) {
        super(KEY);
        this.context = context;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "llama-3-1-8b", "qwen3-8b", "mistral-nemo-base-2407", "qwen3-32b",
                "llama-3-1-70b");
        Architecture a = m.model().architecture().orElseThrow();
        long maxLen = DrillContext.within(m, 131_072);
        boolean fp8 = random.nextBoolean();
        int bytes = fp8 ? 1 : 2;
        long perToken = 2L * a.layers() * a.kvHeads() * a.headDim() * bytes;
        // A budget between a fifth and nine tenths of what one max_model_len request needs, in whole MiB.
        long budgetMib = perToken * maxLen / MIB * (20 + random.nextInt(71)) / 100;
        VllmSettings s = VllmSettings.defaults(maxLen).withKvCacheMemory(budgetMib * MIB)
                .withKvCacheDtype(fp8 ? "fp8" : "auto");
        long longest = VllmProfile.longestFitting(m.model(), s, VllmBudget.of(s, Optional.empty(), 0, 0, 0));
        long page = 16 * perToken;
        String text = String.format(Locale.ROOT, "vLLM %s is started for %s (%d layers, %d KV heads of dimension %d, "
                + "%s KV cache, 16-token pages) with --max-model-len %,d, and exactly %,d MiB are left for the KV cache. "
                + "It refuses to start. What does it print as the estimated maximum model length, in tokens?",
                VllmProfile.VERSION, m.name(), a.layers(), a.kvHeads(), a.headDim(), fp8 ? "an FP8" : "a BF16", maxLen,
                budgetMib);
        Step step = new Step("longest", "Longest max_model_len that fits", "⌊budget / page⌋ × 16, page = 16 × 2 × layers "
                + "× n_kv × d_head × bytes", List.of(Input.of("budget", budgetMib * MIB, "bytes"), Input.of("page", page,
                "bytes")), BigDecimal.valueOf(longest), Unit.TOKENS.symbol(), "One request of max_model_len must fit "
                + "in the KV budget for vLLM to start; it bisects for the longest length that would.");
        long perTokenHeads = perToken / a.kvHeads() * a.attentionHeads();
        return new Scenario(text, new NumericAnswer(BigDecimal.valueOf(longest), Unit.TOKENS, 0, Tolerance.relative("0.005")),
                Scenario.wrong(Misconception.KV_NO_FACTOR_TWO, budgetMib * MIB / (page / 2) * 16,
                        Misconception.GB_AS_GIB, budgetMib * 1_000_000 / page * 16,
                        Misconception.KV_ATTENTION_HEADS, budgetMib * MIB / (16 * perTokenHeads) * 16),
                List.of(step), "vLLM starts only if one max_model_len request fits; otherwise it names the longest that does.");
    }
}
