package app.bytewise.quant.method;

/** Which values share one scale (and zero point). */
public enum Granularity {
    /** One scale for the whole tensor. */
    TENSOR,
    /** One scale per output channel (row). */
    CHANNEL,
    /** One scale per group of consecutive values along a row (32, 64 or 128 input columns). */
    GROUP
}
