package app.bytewise.engine.training;

import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The pipeline bubble, in its two published definitions, which must not be mixed: GPipe's idle
 * fraction of the whole schedule, {@code (p − 1)/(m + p − 1)} (Huang et al. 2019, §2.3), and
 * Megatron-LM's bubble time relative to the ideal compute time, {@code (p − 1)/m} (Narayanan et
 * al. 2021, §2.2.1).
 */
public final class PipelineBubble {

    private PipelineBubble() {
    }

    public static BigDecimal gpipe(int p, int m) {
        return BigDecimal.valueOf(p - 1L).divide(BigDecimal.valueOf((long) m + p - 1), MathContext.DECIMAL64);
    }

    public static BigDecimal megatron(int p, int m) {
        return BigDecimal.valueOf(p - 1L).divide(BigDecimal.valueOf(m), MathContext.DECIMAL64);
    }

    public static List<Step> steps(int p, int m) {
        List<Input> inputs = List.of(Input.of("p", p, "stages"), Input.of("m", m, "micro-batches"));
        return List.of(
                new Step("bubbleGpipe", "Pipeline bubble, idle fraction of the schedule (GPipe)", "(p − 1) / (m + p − 1)",
                        inputs, gpipe(p, m), "fraction", "Share of each GPU's time spent idle during one flush."),
                new Step("bubbleMegatron", "Pipeline bubble relative to ideal compute time (Megatron-LM)", "(p − 1) / m",
                        inputs, megatron(p, m), "fraction",
                        "Bubble time divided by the ideal compute time: a different ratio from GPipe's, never mixed with it."));
    }
}
