package app.bytewise.quant.number;

/** What a conversion does with finite values beyond the format's largest finite value, and with ±Inf. */
public enum Overflow {

    /** Clamp to ±max (the OCP specification's saturation mode). NaN stays NaN. */
    SATURATE,

    /**
     * IEEE behaviour: round to ±Inf past the rounding boundary; in a format without infinities
     * (E4M3) the result is NaN.
     */
    NON_SATURATING
}
