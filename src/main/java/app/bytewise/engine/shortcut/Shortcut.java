package app.bytewise.engine.shortcut;

/**
 * Popular shortcuts that give a wrong number (catalogued in Bytewise's errata of its source texts).
 * The engine can compute what each shortcut would have answered, so a grader can recognise the
 * mistake behind a wrong answer and a question can offer it as a distractor.
 */
public enum Shortcut {
    GIB_CALLED_GB("Divided by 2^30 and called the result GB (that is GiB)."),
    GB_CALLED_GIB("Divided by 10^9 and called the result GiB."),
    NOMINAL_PARAMETER_COUNT("Took the name's \"7B\" as 7 × 10^9 parameters instead of the real count."),
    NOMINAL_BITS("Counted every parameter at the format's nominal bits: no scales, no tensors left in 16 bits."),
    KV_ATTENTION_HEADS("Used the attention heads instead of the KV heads (ignored GQA/MQA)."),
    KV_NO_FACTOR_TWO("Forgot the factor 2: keys and values are both cached."),
    FORGOT_KV_CACHE("Left out the KV cache."),
    FORGOT_OVERHEAD("Left out the runtime overhead (CUDA context, framework)."),
    WEIGHTS_TIMES_1_2("Took weights × 1.2 as the total, whatever the context and batch."),
    ADAM_TEN_BYTES("Counted Adam at 10 bytes per parameter (forgot gradients and FP32 master weights)."),
    ZERO_FIXED_FACTORS("Took ZeRO's savings as fixed 4×, 8×, 16× instead of dividing by the data-parallel ranks.");

    private final String explanation;

    Shortcut(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
