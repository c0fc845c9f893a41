package app.bytewise.engine.training.framework;

import java.util.Locale;

/**
 * Megatron-LM's "Theoretical memory footprints" line, computed as {@code report_theoretical_memory} in
 * {@code megatron/training/theoretical_memory_usage.py} (Megatron-LM commit 1bcb3b9, 2026-06-16) computes it
 * for a dense decoder: every value on the first pipeline stage, the most loaded one, in bytes as Python
 * floats, printed in MB of 2^20 bytes.
 *
 * <ul>
 *   <li>Weights and optimizer: the most loaded shard holds {@code 1/p} of the transformer layers and the
 *       input embedding, divided by t (plus the output layer when p = 1 and it is untied), at 18 bytes per
 *       parameter (bf16 weights, FP32 main gradients, FP32 main weights, two FP32 Adam moments) or
 *       {@code 6 + 12/N_d} with the distributed optimizer.</li>
 *   <li>Activations, with sequence parallelism and selective recomputation: Korthikanti et al.'s
 *       {@code s·b·h·(18 + 4·ffn/h)} per layer, the embedding's input and dropout for p micro-batches in
 *       flight, × {@code 1 + (p − 1)/(p·v)} for an interleaved schedule or × {@code min(1, m/p)} for
 *       plain 1F1B, and for p = 1 the output layer and cross-entropy's {@code 4·s·b·h·(1 + V/h)}; all ÷ t.</li>
 *   <li>Otherwise: {@code s·b·h·(10 + 24/t)} per layer, the same embedding and schedule terms, for p = 1 the
 *       logits {@code 2·(s·b·V/t + s·b·h)}, and 5 % more for temporaries. This path ignores recomputation:
 *       Megatron's report prints it whatever {@code --recompute-granularity} says.</li>
 * </ul>
 */
public record MegatronReport(double parametersOnMostLoadedShard, double parametersOnOtherShards,
        double weightAndOptimizerBytes, double activationBytes, boolean sequenceParallelFormula) {

    private static final double MB = 1024 * 1024;

    public static MegatronReport of(MegatronArgs a) {
        double h = a.hidden();
        int normSize = a.rmsNorm() ? 1 : 2;
        double attention = 2 * a.hidden() * a.hidden()
                * ((1 + (double) a.queryGroups() / a.heads()) * ((double) (a.kvChannels() * a.heads()) / h));
        double mlp = 2 * a.hidden() * a.ffn() * (a.swiglu() ? 1.5 : 1);
        long layerNorms = 2 * a.hidden() * normSize;
        long finalNorm = normSize * a.hidden();
        long embedding = a.hidden() * a.paddedVocab();
        int p = a.pipelineParallel();
        int t = a.tensorParallel();

        double tpSharded = (attention + mlp) * a.layers();
        long replicated = layerNorms * a.layers() + finalNorm;
        double tpOnMostLoaded = (tpSharded / p + embedding) / t;
        double replicatedOnMostLoaded = (double) replicated / p;
        double mostLoaded = tpOnMostLoaded + replicatedOnMostLoaded;
        if (a.untiedEmbeddings() && p == 1) {
            tpOnMostLoaded += (double) embedding / t;
            mostLoaded += (double) embedding / t;
        }
        double others = p > 1 ? tpSharded / ((double) p * t) + (double) replicated / p : 0;
        double bytesPerParameter = a.distributedOptimizer() ? 6 + 12.0 / a.dataParallel() : 18;
        double weightAndOptimizer = (tpOnMostLoaded + replicatedOnMostLoaded) * bytesPerParameter;

        boolean spFormula = a.sequenceParallel() && a.selectiveRecompute();
        return new MegatronReport(mostLoaded, others, weightAndOptimizer,
                spFormula ? activationsWithSequenceParallel(a) : activationsWithoutSequenceParallel(a), spFormula);
    }

    /** {@code compute_activation_memory}. */
    private static double activationsWithSequenceParallel(MegatronArgs a) {
        long sbh = a.seqLength() * a.microBatchSize() * a.hidden();
        double memory = sbh * (18 + 4 * ((double) a.ffn() / a.hidden()));
        memory *= a.layers();
        memory = embeddingAndSchedule(a, memory);
        if (a.pipelineParallel() == 1) {
            memory += sbh * 4 * (1 + (double) a.paddedVocab() / a.hidden());
        }
        return memory / a.tensorParallel();
    }

    /** {@code compute_activation_memory_without_sp}. */
    private static double activationsWithoutSequenceParallel(MegatronArgs a) {
        long sbh = a.seqLength() * a.microBatchSize() * a.hidden();
        double memory = sbh * (10 + 24.0 / a.tensorParallel());
        memory *= a.layers();
        memory = embeddingAndSchedule(a, memory);
        if (a.pipelineParallel() == 1) {
            double logits = (double) (a.seqLength() * a.microBatchSize() * a.paddedVocab()) / a.tensorParallel();
            memory += (logits + a.seqLength() * a.microBatchSize() * a.hidden()) * 2;
        }
        return memory * 1.05;
    }

    /** The embedding's input and dropout for p micro-batches in flight, then the schedule's factor. */
    private static double embeddingAndSchedule(MegatronArgs a, double layers) {
        int p = a.pipelineParallel();
        double memory = layers + 8 * a.seqLength() * a.microBatchSize() * p;
        memory += a.seqLength() * a.microBatchSize() * a.hidden() * p;
        if (a.virtualStages().isPresent()) {
            memory *= 1 + (p - 1) / ((double) p * a.virtualStages().getAsInt());
        } else if (p > 1 && a.microBatches().isPresent()) {
            memory *= Math.min(1, (double) a.microBatches().getAsInt() / p);
        }
        return memory;
    }

    public double totalBytes() {
        return weightAndOptimizerBytes + activationBytes;
    }

    /** The line Megatron prints, to compare with a training log. */
    public String printed() {
        return String.format(Locale.ROOT, "Theoretical memory footprints: weight and optimizer=%.2f MB, "
                + "activation=%.2f MB, total=%.2f MB", weightAndOptimizerBytes / MB, activationBytes / MB,
                totalBytes() / MB);
    }
}
