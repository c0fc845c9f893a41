package app.bytewise.quant.hqq;

import app.bytewise.engine.InvalidInputException;

/**
 * HQQ settings, named as {@code hqq/core/quantize.py} names them.
 *
 * @param nbits code width; HQQ's {@code Quantizer.SUPPORTED_BITS} are 8, 6, 5, 4, 3, 2 and 1
 *     (1.58 is left out; 7 is not supported by HQQ)
 * @param groupSize values per group (HQQ asserts that the tensor's size is a multiple of it)
 * @param axis 1: groups of consecutive values (the lab's rows); 0: strided groups (see package doc)
 * @param optimize run the proximal zero-point solver ({@code optimize=True})
 * @param roundZero round the initial zero point ({@code round_zero}; BaseQuantizeConfig sets it for 4 bits only)
 * @param quantZero store the zeros in 8 bits, one min-max over all of them, no optimizer
 * @param quantScale store the scales in 8 bits, groups of 128 along axis 0, no optimizer
 */
public record HqqConfig(int nbits, int groupSize, int axis, boolean optimize, boolean roundZero, boolean quantZero,
        boolean quantScale) {

    public HqqConfig {
        if (nbits < 1 || nbits > 8 || nbits == 7) {
            throw new InvalidInputException("bits", "HQQ takes 1, 2, 3, 4, 5, 6 or 8 bits (its Quantizer.SUPPORTED_BITS).");
        }
        if (groupSize < 1) {
            throw new InvalidInputException("groupSize", "The group size must be positive (HQQ uses 64 by default).");
        }
        if (axis != 0 && axis != 1) {
            throw new InvalidInputException("axis", "HQQ groups along axis 0 or 1.");
        }
    }

    /**
     * {@code BaseQuantizeConfig(nbits, group_size)} of {@code hqq/core/quantize.py}: axis 1,
     * optimize, round_zero only for 4 bits, zeros and scales in FP16.
     */
    public static HqqConfig base(int nbits, int groupSize) {
        return new HqqConfig(nbits, groupSize, 1, true, nbits == 4, false, false);
    }

    /** The same with {@code quant_zero=True, quant_scale=True} (zeros and scales in 8 bits). */
    public HqqConfig withMetaQuantization() {
        return new HqqConfig(nbits, groupSize, axis, optimize, roundZero, true, true);
    }

    public HqqConfig withoutOptimizer() {
        return new HqqConfig(nbits, groupSize, axis, false, roundZero, quantZero, quantScale);
    }

    /** 2^nbits − 1, HQQ's {@code max_v}. */
    int maxCode() {
        return (1 << nbits) - 1;
    }

    public String describe() {
        return "HQQ " + nbits + "-bit, group " + groupSize + (optimize ? "" : ", no optimizer")
                + (quantZero || quantScale ? ", 8-bit zero and scale" : "");
    }
}
