package app.bytewise.drill.template;

import app.bytewise.drill.Difficulty;
import app.bytewise.drill.Misconception;
import app.bytewise.drill.NumericAnswer;
import app.bytewise.drill.NumericTemplate;
import app.bytewise.drill.Scenario;
import app.bytewise.drill.Tolerance;
import app.bytewise.drill.Topic;
import app.bytewise.drill.answer.Unit;
import app.bytewise.engine.training.PipelineBubble;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

/** The pipeline bubble under GPipe's or Megatron-LM's definition. */
public final class PipelineBubbleTemplate extends NumericTemplate {

    private final boolean megatron;

    public PipelineBubbleTemplate(boolean megatron) {
        super(megatron ? "bubble-megatron" : "bubble-gpipe", Topic.PARALLELISM, megatron ? Difficulty.MEDIUM : Difficulty.EASY);
        this.megatron = megatron;
    }

    @Override
    protected Scenario scenario(SplittableRandom random) {
        int p = 2 + random.nextInt(15);
        int m = p + 1 + random.nextInt(4 * p);
        BigDecimal gpipe = PipelineBubble.gpipe(p, m);
        BigDecimal megatronValue = PipelineBubble.megatron(p, m);
        BigDecimal answer = megatron ? megatronValue : gpipe;
        String text = megatron
                ? String.format("A pipeline has p = %d stages and runs m = %d micro-batches per batch. By Megatron-LM's "
                        + "definition, how large is the bubble relative to the ideal compute time, in %%?", p, m)
                : String.format("A GPipe pipeline has p = %d stages and m = %d micro-batches. What fraction of the "
                        + "schedule is each GPU idle (the bubble), in %%?", p, m);
        return new Scenario(text, new NumericAnswer(answer, Unit.PERCENT, 1, Tolerance.relative("0.02")),
                Scenario.wrong(
                        Misconception.WRONG_BUBBLE_DEFINITION, megatron ? gpipe : megatronValue,
                        // Each slip applied to the definition asked: p for p − 1, and m = 1.
                        Misconception.BUBBLE_NO_MINUS_ONE, megatron
                                ? BigDecimal.valueOf(p).divide(BigDecimal.valueOf(m), MathContext.DECIMAL64)
                                : BigDecimal.valueOf(p).divide(BigDecimal.valueOf((long) m + p), MathContext.DECIMAL64),
                        Misconception.BUBBLE_ONE_MICROBATCH, megatron ? BigDecimal.valueOf(p - 1L)
                                : BigDecimal.valueOf(p - 1L).divide(BigDecimal.valueOf(p), MathContext.DECIMAL64),
                        Misconception.BUBBLE_SWAPPED, megatron
                                ? BigDecimal.valueOf(m - 1L).divide(BigDecimal.valueOf(p), MathContext.DECIMAL64)
                                : BigDecimal.valueOf(m - 1L).divide(BigDecimal.valueOf((long) m + p - 1), MathContext.DECIMAL64)),
                PipelineBubble.steps(p, m).stream().filter(s -> s.key().equals(megatron ? "bubbleMegatron" : "bubbleGpipe")).toList(),
                "GPipe: (p−1)/(m+p−1) of the schedule is idle; Megatron-LM reports (p−1)/m of the ideal time. More micro-batches shrink both.");
    }
}
