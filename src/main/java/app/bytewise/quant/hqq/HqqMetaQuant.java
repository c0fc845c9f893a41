package app.bytewise.quant.hqq;

import app.bytewise.engine.InvalidInputException;

/**
 * HQQ's meta-quantization of its own zeros and scales, as {@code HQQLinear.quantize} calls
 * {@code Quantizer.quantize} on them with the parameters of {@code BaseQuantizeConfig}
 * ({@code hqq/core/quantize.py}; deprecated upstream but still there):
 *
 * <ul>
 *   <li>{@code quant_zero}: {@code nbits=8, channel_wise=False, group_size=None, optimize=False}, one
 *       min-max over all the zeros;
 *   <li>{@code quant_scale}: {@code nbits=8, channel_wise=True, group_size=128, optimize=False} and
 *       the default {@code axis=0}: the scales' [G, 1] column viewed as [128, G / 128], one min-max
 *       per column (strided groups), so G must be a multiple of 128.
 * </ul>
 *
 * <p>Both start from the float32 values (before the FP16 cast); their own scale and zero become FP16
 * in {@code HQQLinear.cuda}, and they are decoded in FP16 like any HQQ tensor.
 */
final class HqqMetaQuant {

    static final int BITS = 8;
    static final int SCALE_GROUP = 128;

    private HqqMetaQuant() {
    }

    /** The zeros as HQQ decodes them after 8-bit quantization over the whole tensor. */
    static float[] zeros(float[] zero) {
        return roundTrip(zero, new HqqLayout(zero.length, zero.length, 1));
    }

    /** The scales as HQQ decodes them after 8-bit quantization in strided groups of 128. */
    static float[] scales(float[] scale) {
        if (scale.length % SCALE_GROUP != 0) {
            throw new InvalidInputException("groupSize", "HQQ's quant_scale groups the " + scale.length
                    + " scales by 128; their number must be a multiple of 128.");
        }
        return roundTrip(scale, new HqqLayout(scale.length, SCALE_GROUP, 0));
    }

    /** 8 bits per zero and one FP16 scale and zero for them all. */
    static long zeroBits(int groups) {
        return (long) BITS * groups + 2 * 16;
    }

    /** 8 bits per scale and an FP16 scale and zero per 128 of them. */
    static long scaleBits(int groups) {
        return (long) BITS * groups + 2L * 16 * (groups / SCALE_GROUP);
    }

    private static float[] roundTrip(float[] values, HqqLayout layout) {
        int maxCode = (1 << BITS) - 1;
        HqqQuantizer.MinMax fit = HqqQuantizer.minMax(values, layout, maxCode, false);
        int[] codes = new int[values.length];
        float[] scale = new float[layout.groups()];
        float[] zero = new float[layout.groups()];
        for (int g = 0; g < layout.groups(); g++) {
            for (int j = 0; j < layout.groupSize(); j++) {
                int i = layout.index(g, j);
                codes[i] = (int) HqqOptimizer.code(values[i], fit.scale()[g], fit.zero()[g], maxCode);
            }
            scale[g] = HqqQuantizer.fp16(1f / fit.scale()[g]);
            zero[g] = HqqQuantizer.fp16(fit.zero()[g]);
        }
        return HqqQuantizer.dequantize(codes, layout, scale, zero);
    }
}
