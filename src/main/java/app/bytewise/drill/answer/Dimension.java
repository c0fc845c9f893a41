package app.bytewise.drill.answer;

/** What a numeric answer measures; every value is held in the dimension's base unit. */
public enum Dimension {
    /** Base unit: bytes. */
    BYTES,
    /** Base unit: bytes per second. */
    BANDWIDTH,
    /** Base unit: tokens per second. */
    TOKEN_RATE,
    /** Base unit: seconds. */
    TIME,
    /** Base unit: a plain fraction (12.5 % = 0.125). */
    FRACTION,
    /** Base unit: one (parameters, GPUs, tokens, layers). */
    COUNT
}
