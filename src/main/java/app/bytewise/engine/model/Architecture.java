package app.bytewise.engine.model;

/**
 * The shape facts the memory formulas need, normalized across families.
 *
 * @param slidingWindow tokens an attention layer with a sliding window looks back, or 0 for none
 * @param slidingLayerStride 1 when every layer uses the window, 2 when every other layer does
 *     (Gemma 2 alternates local and global attention, starting with a local layer), 0 when none does
 * @param experts experts per MoE layer, 0 for a dense model
 */
public record Architecture(
        String family,
        long hiddenSize,
        int layers,
        int attentionHeads,
        int kvHeads,
        int headDim,
        long intermediateSize,
        long vocabSize,
        boolean tiedEmbeddings,
        long maxPositions,
        int slidingWindow,
        int slidingLayerStride,
        int experts,
        int expertsPerToken) {

    public boolean isMoe() {
        return experts > 1;
    }

    /** How many query heads share one key/value head (1 for MHA, heads for MQA). */
    public int gqaGroupSize() {
        return attentionHeads / kvHeads;
    }

    /** Whether layer {@code layer} (0-based) attends through the sliding window. */
    public boolean isSlidingLayer(int layer) {
        return slidingWindow > 0 && slidingLayerStride > 0 && layer % slidingLayerStride == 0;
    }

    /** How many layers {@link #isSlidingLayer} holds for: layers 0, stride, 2·stride, … */
    public int slidingLayerCount() {
        return slidingWindow > 0 && slidingLayerStride > 0 ? Math.ceilDiv(layers, slidingLayerStride) : 0;
    }
}
