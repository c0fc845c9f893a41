package app.bytewise.quant.tensor;

/** The kinds of tensor the lab can generate. */
public enum TensorKind {
    /** Weights drawn from N(0, σ²). */
    GAUSSIAN,
    /** Heavy-tailed weights: Student-t with ν degrees of freedom, scaled by σ. */
    STUDENT_T,
    /** Gaussian weights whose first few input channels (columns) are scaled up, as salient channels are. */
    OUTLIER_CHANNELS,
    /**
     * Activations with emergent outlier features (Dettmers et al. 2022, LLM.int8(), §3): a few
     * feature dimensions carry magnitudes far above the rest in almost every token.
     */
    ACTIVATIONS
}
