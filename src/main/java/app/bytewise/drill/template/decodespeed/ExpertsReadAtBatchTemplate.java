package app.bytewise.drill.template.decodespeed;

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
import app.bytewise.engine.catalog.CatalogModel;
import app.bytewise.engine.inference.ExpertsTouched;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How many experts a batched MoE decode step reads per layer: why "active parameters" stops bounding
 * memory traffic once several sequences decode together ({@link ExpertsTouched}).
 */
public final class ExpertsReadAtBatchTemplate extends NumericTemplate {

    static final TemplateKey KEY = new TemplateKey("moe-experts-read-at-batch", Topic.DECODE_SPEED, Difficulty.HARD);
    private final DrillContext context;

    public ExpertsReadAtBatchTemplate(DrillContext context) {
        super(KEY);
        this.context = context;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        CatalogModel m = context.model(random, "mixtral-8x7b-v0-1", "mixtral-8x22b-v0-1", "qwen3-30b-a3b",
                "qwen1-5-moe-a2-7b", "gpt-oss-20b", "gpt-oss-120b", "deepseek-v3");
        Architecture a = m.model().architecture().orElseThrow();
        int e = a.experts();
        int k = a.expertsPerToken();
        int batch = 2 + random.nextInt(e <= 8 ? 5 : 15);
        ExpertsTouched touched = new ExpertsTouched(e, k, batch);
        String text = String.format(Locale.ROOT, "%s routes each token to %d of its %d experts per MoE layer. It decodes "
                + "a batch of %d sequences, so each step sends %d tokens through every MoE layer. Assuming uniform, "
                + "independent routing, how many distinct routed experts does one MoE layer read per step, in expectation?",
                m.name(), k, e, batch, batch);
        return new Scenario(text, new NumericAnswer(touched.expected(), Unit.ONE, 3, Tolerance.relative("0.01")),
                Scenario.wrong(Misconception.EXPERTS_ONE_TOKEN, BigDecimal.valueOf(k),
                        Misconception.EXPERTS_NO_OVERLAP, BigDecimal.valueOf(Math.min(e, (long) k * batch)),
                        Misconception.EXPERTS_ALL_AT_BATCH, BigDecimal.valueOf(e)),
                List.of(touched.step()), "At batch B an MoE layer reads E(1 − (1 − k/E)^B) experts: quickly almost all "
                        + "of them, so batched decode streams nearly the total parameters, not the active ones.");
    }
}
