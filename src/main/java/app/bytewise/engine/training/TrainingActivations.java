package app.bytewise.engine.training;

import app.bytewise.engine.Step;
import app.bytewise.engine.Step.Input;
import app.bytewise.engine.model.Architecture;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Activation memory for training, from Korthikanti et al. 2022, Table 2 (bytes per layer for a
 * GPT-style layer in 16-bit with dropout, s = sequence, b = micro-batch, h = hidden, a = heads,
 * t = tensor-parallel size):
 * <ul>
 *   <li>no recomputation: {@code s·b·h·(10 + 24/t + 5·a·s/(h·t))}, with sequence parallelism
 *       {@code s·b·h·(34/t + 5·a·s/(h·t))}; for t = 1 both are {@code s·b·h·(34 + 5·a·s/h)};</li>
 *   <li>selective recomputation drops the {@code 5·a·s/h} attention-core term; other attention
 *       implementations keep other amounts there ({@link AttentionKernel}: FlashAttention only a
 *       log-sum-exp, Hugging Face's eager Llama 6 bytes per score);</li>
 *   <li>full recomputation stores only each layer's input, {@code 2·s·b·h} (÷ t with sequence parallelism).</li>
 * </ul>
 * With 1F1B pipeline scheduling the first stage holds p micro-batches of its L/p layers, i.e. the
 * activations of L layers in total whenever m ≥ p (§4.2.3); with fewer micro-batches, m·L/p.
 */
public final class TrainingActivations {

    private TrainingActivations() {
    }

    /**
     * Bytes per layer; exact when the divisions by t come out whole, rounded up otherwise. The linear terms
     * are Korthikanti's; the attention core's term is the kernel's ({@link AttentionKernel#coreBytes}), kept
     * only without recomputation (selective recomputation recomputes the core, full the whole layer).
     */
    public static long perLayer(Architecture a, long s, int b, int t, boolean sp, Recompute mode, AttentionKernel kernel) {
        BigDecimal sbh = BigDecimal.valueOf(s).multiply(BigDecimal.valueOf(b)).multiply(BigDecimal.valueOf(a.hiddenSize()));
        BigDecimal tp = BigDecimal.valueOf(t);
        BigDecimal factor;
        if (mode == Recompute.FULL) {
            factor = sp ? BigDecimal.valueOf(2).divide(tp, 12, RoundingMode.HALF_EVEN) : BigDecimal.valueOf(2);
        } else {
            factor = sp ? BigDecimal.valueOf(34).divide(tp, 12, RoundingMode.HALF_EVEN)
                    : BigDecimal.TEN.add(BigDecimal.valueOf(24).divide(tp, 12, RoundingMode.HALF_EVEN));
        }
        long linear = sbh.multiply(factor).setScale(0, RoundingMode.CEILING).longValueExact();
        return mode == Recompute.NONE ? Math.addExact(linear, kernel.coreBytes(s, b, a.attentionHeads(), t)) : linear;
    }

    /** {@code flash} false is Korthikanti's eager GPT core (5·a·s²·b/t). */
    public static long perLayer(Architecture a, long s, int b, int t, boolean sp, Recompute mode, boolean flash) {
        return perLayer(a, s, b, t, sp, mode, flash ? AttentionKernel.FLASH : AttentionKernel.EAGER_DROPOUT);
    }

    /** Layers whose activations the busiest (first) pipeline stage holds at once. */
    static long layersHeld(Architecture a, int p, int m) {
        long perStage = Math.ceilDiv(a.layers(), p);
        return perStage * Math.min(p, m);
    }

    /**
     * The output layer's input and the cross-entropy loss, which Megatron-LM counts on the stage holding the
     * output layer ({@code compute_activation_memory}, {@code megatron/training/theoretical_memory_usage.py}:
     * "Inputs to output layer and CE loss", {@code 4·s·b·h·(1 + V/h)}): 4 bytes per hidden value and per
     * logit (the logits in FP32 for the loss). Megatron divides it all by t under sequence parallelism;
     * without it only the vocabulary-parallel logits are split.
     */
    public static long outputBytes(Architecture a, TrainingRequest r) {
        long sb = Math.multiplyExact(r.sequenceLength(), (long) r.microBatchSize());
        long hidden = Math.multiplyExact(4 * sb, a.hiddenSize());
        long logits = Math.multiplyExact(Math.multiplyExact((long) r.logits().bytesPerLogit(), sb), a.vocabSize());
        int t = r.tensorParallel();
        return r.sequenceParallel() ? Math.ceilDiv(Math.addExact(hidden, logits), t)
                : Math.addExact(hidden, Math.ceilDiv(logits, t));
    }

    public static Step outputStep(Architecture a, TrainingRequest r) {
        return Step.bytes("outputActivations", "Output layer and loss activations"
                        + (r.pipelineParallel() > 1 ? " (last pipeline stage)" : ""),
                r.logits() == LogitsLoss.FP32 ? (r.sequenceParallel() ? "4·s·b·(h + V) / t" : "4·s·b·h + 4·s·b·V / t")
                        : (r.sequenceParallel() ? "(4·s·b·h + 10·s·b·V) / t" : "4·s·b·h + 10·s·b·V / t"),
                List.of(Input.of("s", r.sequenceLength(), "tokens"), Input.of("b", r.microBatchSize(), "sequences"),
                        Input.of("h", a.hiddenSize(), ""), Input.of("V", a.vocabSize(), "tokens"),
                        Input.of("t", r.tensorParallel(), "")),
                outputBytes(a, r), (r.logits() == LogitsLoss.FP32 ? "The final norm's output and FP32 logits for the "
                        + "cross-entropy loss, as Megatron-LM counts them (theoretical_memory_usage.py)"
                        : "The final norm's output, and per logit the head's 16-bit output, its FP32 copy and the FP32 "
                        + "log-softmax while Hugging Face's ForCausalLMLoss runs") + "; not reduced by recomputation.");
    }

    /** Activations on the first stage: its layers for min(p, m) micro-batches in flight. */
    static long firstStage(Architecture a, TrainingRequest r) {
        long perLayer = perLayer(a, r);
        int v = r.virtualStages();
        if (v == 1) {
            return Math.multiplyExact(perLayer, layersHeld(a, r.pipelineParallel(), r.microBatches()));
        }
        // Interleaved 1F1B: the first stage's L/p layers for p·(1 + (p − 1)/(p·v)) = (p·v + p − 1)/v micro-batches
        // (Narayanan et al. 2021, §2.2.2; Megatron's interleaved_schedule_memory_penalty).
        long p = r.pipelineParallel();
        long layers = a.layers() / p;
        return Math.ceilDiv(Math.multiplyExact(Math.multiplyExact(perLayer, layers), p * v + p - 1), v);
    }

    /** Activations on the last stage: its layers for the one micro-batch 1F1B keeps there, and the output. */
    static long lastStage(Architecture a, TrainingRequest r) {
        return Math.addExact(Math.multiplyExact(perLayer(a, r), Math.ceilDiv(a.layers(), r.pipelineParallel())),
                outputBytes(a, r));
    }

    public static Step lastStageStep(Architecture a, TrainingRequest r) {
        return Step.bytes("lastStageActivations", "Activations on the last pipeline stage",
                "per layer × ⌈L / p⌉ + output layer and loss",
                List.of(Input.of("per layer", perLayer(a, r), "bytes"),
                        Input.of("⌈L / p⌉", Math.ceilDiv(a.layers(), r.pipelineParallel()), "layers"),
                        Input.of("output", outputBytes(a, r), "bytes")),
                lastStage(a, r), "1F1B keeps one micro-batch in flight on the last stage, p on the first.");
    }

    private static long perLayer(Architecture a, TrainingRequest r) {
        return perLayer(a, r.sequenceLength(), r.microBatchSize(), r.tensorParallel(), r.sequenceParallel(),
                r.recompute(), r.attention());
    }

    private static String coreNote(AttentionKernel kernel, Recompute mode) {
        if (mode != Recompute.NONE) {
            return "nothing: it is recomputed.";
        }
        return switch (kernel) {
            case EAGER_DROPOUT -> "a 16-bit softmax, a 1-byte dropout mask and the dropout's output: 5 bytes per score.";
            case EAGER_FP32_SOFTMAX -> "the FP32 softmax and its 16-bit copy: 6 bytes per score (transformers' eager "
                    + "attention).";
            case EAGER_NO_DROPOUT -> "one 16-bit softmax: 2 bytes per score.";
            case FLASH -> "no scores, only the FP32 log-sum-exp per head and token.";
        };
    }

    public static Step step(Architecture a, TrainingRequest r) {
        long perLayer = perLayer(a, r);
        AttentionKernel kernel = r.attention();
        String linear = r.sequenceParallel() ? "s·b·h·34/t" : "s·b·h·(10 + 24/t)";
        long layers = layersHeld(a, r.pipelineParallel(), r.microBatches());
        int v = r.virtualStages();
        String formula = switch (r.recompute()) {
            case FULL -> "2·s·b·h" + (r.sequenceParallel() ? "/t" : "") + " per layer";
            case SELECTIVE -> linear + " per layer (the attention core recomputed)";
            case NONE -> linear + " + " + kernel.formula() + " per layer";
        };
        return Step.bytes("activations", "Activations (" + r.recompute().name().toLowerCase(java.util.Locale.ROOT)
                        + " recomputation" + (r.recompute() == Recompute.NONE ? ", " + kernel.label() : "") + ")",
                formula + (v == 1 ? " × layers held" : " × L/p × (p·v + p − 1)/v (interleaved)"),
                v == 1 ? List.of(Input.of("s", r.sequenceLength(), "tokens"), Input.of("b", r.microBatchSize(), "sequences"),
                        Input.of("h", a.hiddenSize(), ""), Input.of("a", a.attentionHeads(), "heads"),
                        Input.of("t", r.tensorParallel(), ""), Input.of("per layer", perLayer, "bytes"),
                        Input.of("layers held", layers, ""))
                        : List.of(Input.of("s", r.sequenceLength(), "tokens"), Input.of("b", r.microBatchSize(), "sequences"),
                        Input.of("h", a.hiddenSize(), ""), Input.of("a", a.attentionHeads(), "heads"),
                        Input.of("t", r.tensorParallel(), ""), Input.of("per layer", perLayer, "bytes"),
                        Input.of("L/p", a.layers() / r.pipelineParallel(), "layers"),
                        Input.of("p", r.pipelineParallel(), "stages"), Input.of("v", v, "model chunks per GPU")),
                firstStage(a, r),
                "Korthikanti et al. 2022, Table 2: the linear terms of a GPT-style layer with dropout in 16-bit; layers "
                        + "without dropout or with a gated MLP differ by some percent. The attention core keeps "
                        + coreNote(kernel, r.recompute()) + (a.isUniform() ? "" : " This model's layers are "
                        + "not all alike (" + a.kinds().size() + " kinds); the formula is applied to every layer with the "
                        + "first attention layer's " + a.attentionHeads() + " heads, an approximation.")
                        + (v == 1 ? "" : " Interleaving v model chunks per GPU keeps 1 + (p − 1)/(p·v) times the "
                        + "activations of a full 1F1B pipeline on the first stage (Narayanan et al. 2021)."));
    }
}
