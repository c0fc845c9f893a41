package app.bytewise.engine.serving;

/** The kinds of per-sequence memory an engine allocates beside the weights. */
public enum CacheKind {
    /** Keys and values of full-attention layers, one cell per token of context. */
    FULL,
    /** Keys and values of sliding-window or chunked layers, bounded by the window. */
    SLIDING,
    /** The MLA latent (DeepSeek-V2/V3, Kimi K2): one compressed vector per token, no separate values. */
    MLA,
    /** Fixed-size recurrent state of Mamba and gated-DeltaNet layers, per sequence. */
    RECURRENT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
