package app.bytewise.engine.training.framework;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.Mlp;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The Megatron-LM command-line arguments its theoretical memory report reads, by their flag names
 * ({@code --num-layers}, {@code --ffn-hidden-size}, …), for a dense decoder.
 *
 * @param paddedVocab the vocabulary padded to a multiple of 128 × t, as Megatron pads it
 *                    ({@code vocab_size_with_padding}, {@code megatron/core/tokenizers/utils/build_tokenizer.py})
 * @param virtualStages {@code --num-layers-per-virtual-pipeline-stage} turned into stages per GPU (interleaved 1F1B)
 * @param microBatches micro-batches per step (global batch / (micro-batch × data-parallel)), empty when unknown
 */
public record MegatronArgs(int layers, long hidden, long ffn, int heads, int queryGroups, long kvChannels,
        boolean swiglu, boolean rmsNorm, boolean untiedEmbeddings, long paddedVocab, long seqLength, int microBatchSize,
        int tensorParallel, int pipelineParallel, OptionalInt virtualStages, int dataParallel,
        boolean distributedOptimizer, boolean sequenceParallel, boolean selectiveRecompute, OptionalInt microBatches) {

    /** Megatron's default {@code --make-vocab-size-divisible-by}. */
    public static final int VOCAB_DIVISOR = 128;

    /** Families whose layers normalize with LayerNorm (weight and bias); the others use RMSNorm. */
    private static final Set<String> LAYER_NORM_FAMILIES = Set.of("gpt2", "opt", "falcon", "gpt_neox", "phi");

    public MegatronArgs {
        if (layers < 1 || hidden < 1 || ffn < 1 || heads < 1 || queryGroups < 1 || kvChannels < 1 || paddedVocab < 1) {
            throw new InvalidInputException("model", "Every size of the model must be positive.");
        }
        if (heads % queryGroups != 0) {
            throw new InvalidInputException("model", "The query groups must divide the " + heads + " heads.");
        }
        if (seqLength < 1 || seqLength > 10_000_000 || microBatchSize < 1 || microBatchSize > 1 << 16) {
            throw new InvalidInputException("contextLength", "The sequence must be 1 to 10,000,000 tokens and the "
                    + "micro-batch 1 to 65,536 sequences.");
        }
        if (tensorParallel < 1 || pipelineParallel < 1 || dataParallel < 1 || pipelineParallel > layers) {
            throw new InvalidInputException("pipelineParallel", "Parallel sizes must be positive and the pipeline "
                    + "no deeper than the " + layers + " layers.");
        }
        if (virtualStages.isPresent() && (virtualStages.getAsInt() < 1 || pipelineParallel == 1)) {
            throw new InvalidInputException("virtualStages", "An interleaved schedule needs pipeline parallelism "
                    + "and at least one virtual stage per GPU.");
        }
        if (microBatches.isPresent() && microBatches.getAsInt() < 1) {
            throw new InvalidInputException("microBatches", "The micro-batches per step must be positive.");
        }
    }

    /**
     * The arguments that describe {@code a} (a decoder of identical dense layers with full attention) trained
     * with the given parallelism, bf16 and Adam; other shapes are refused, since the report's parameter
     * count assumes them.
     */
    public static MegatronArgs of(Architecture a, long seqLength, int microBatchSize, int t, int p,
            OptionalInt virtualStages, int dp, boolean distributedOptimizer, boolean sequenceParallel,
            boolean selectiveRecompute, OptionalInt microBatches) {
        if (!a.isUniform() || !(a.kinds().getFirst().attention() instanceof Attention.Full)
                || !(a.kinds().getFirst().mlp() instanceof Mlp.Dense mlp)) {
            throw new InvalidInputException("model", String.format(Locale.ROOT, "Megatron's theoretical memory "
                    + "report is reproduced for decoders of identical dense layers with full attention; %s is not "
                    + "one (mixture of experts, latent or sliding attention, or mixed layers).", a.family()));
        }
        long multiple = (long) VOCAB_DIVISOR * t;
        long padded = Math.ceilDiv(a.vocabSize(), multiple) * multiple;
        return new MegatronArgs(a.layers(), a.hiddenSize(), mlp.intermediate(), a.attentionHeads(), a.kvHeads(),
                a.headDim(), mlp.gated(), !LAYER_NORM_FAMILIES.contains(a.family()), !a.tiedEmbeddings(), padded,
                seqLength, microBatchSize, t, p, virtualStages, dp, distributedOptimizer, sequenceParallel,
                selectiveRecompute, microBatches);
    }
}
