package app.bytewise.quant.hqq;

import app.bytewise.quant.method.ProgressMonitor;

/**
 * HQQ's {@code Quantizer.quantize} and {@code HQQLinear.quantize} / {@code dequantize}
 * ({@code hqq/core/quantize.py}, mobiusml/hqq) for the default path, in float32 as on CPU:
 *
 * <ol>
 *   <li>per group, min and max; HQQ quantizes with the inverse scale, {@code scale = max_v / (max −
 *       min)} (1 where |max − min| ≤ 1e-4, clamped to 2e4), {@code zero = −min · scale}, rounded
 *       when {@code round_zero}; so the stored scale is (max − min) / (2^b − 1) and zero = −min /
 *       stored scale;
 *   <li>{@link HqqOptimizer} refines the zeros (when {@code optimize});
 *   <li>{@code W_q = round(W · scale + zero).clamp(0, 2^b − 1)}, packed by {@link HqqBitPack};
 *   <li>the stored scale is {@code 1 / scale}; {@code HQQLinear.cuda} casts scale and zero to
 *       {@code compute_dtype} (FP16), unless {@code quant_zero} / {@code quant_scale} quantized
 *       them first, from float32 ({@link HqqMetaQuant});
 *   <li>dequantization {@code (W_q − zero) · scale} in FP16, each operation rounded to FP16.
 * </ol>
 */
public final class HqqQuantizer {

    /** The most proximal steps a run takes (HQQ's {@code iters}); early stopping usually ends it sooner. */
    public static final int MAX_STEPS = HqqOptimizer.ITERS;

    /** Per-group inverse scales and zeros of the min-max initialisation. */
    record MinMax(float[] scale, float[] zero) {
    }

    private HqqQuantizer() {
    }

    public static HqqTensor quantize(float[] w, HqqConfig config) {
        return quantize(w, config, ProgressMonitor.NONE);
    }

    /** As above, stopping between the optimizer's steps when cancelled. */
    public static HqqTensor quantize(float[] w, HqqConfig config, ProgressMonitor monitor) {
        HqqLayout layout = new HqqLayout(w.length, config.groupSize(), config.axis());
        int maxCode = config.maxCode();
        MinMax init = minMax(w, layout, maxCode, config.roundZero());
        float[] scale = init.scale();
        float[] zero = init.zero();
        int steps = 0;
        double[] errors = new double[0];
        if (config.optimize()) {
            HqqOptimizer.Result fit = HqqOptimizer.optimize(w, layout, scale, zero, maxCode, monitor);
            zero = fit.zero();
            steps = fit.steps();
            errors = fit.errors();
        }
        int groups = layout.groups();
        int[] codes = new int[w.length];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < layout.groupSize(); j++) {
                int i = layout.index(g, j);
                codes[i] = (int) HqqOptimizer.code(w[i], scale[g], zero[g], maxCode);
            }
        }
        byte[] packed = HqqBitPack.pack(codes, layout.packRows(), config.nbits());
        float[] storedScale = new float[groups];
        for (int g = 0; g < groups; g++) {
            storedScale[g] = 1f / scale[g];
        }
        long bits = 8L * packed.length;
        float[] usedZero;
        if (config.quantZero()) {
            usedZero = HqqMetaQuant.zeros(zero);
            bits += HqqMetaQuant.zeroBits(groups);
        } else {
            usedZero = fp16(zero);
            bits += 16L * groups;
        }
        float[] usedScale;
        if (config.quantScale()) {
            usedScale = HqqMetaQuant.scales(storedScale);
            bits += HqqMetaQuant.scaleBits(groups);
        } else {
            usedScale = fp16(storedScale);
            bits += 16L * groups;
        }
        float[] dequantized = dequantize(codes, layout, usedScale, usedZero);
        return new HqqTensor(config, codes, packed, usedScale, usedZero, dequantized, bits, steps, errors);
    }

    /** HQQ's initialisation: inverse scale max_v / (max − min) and zero −min · scale, per group. */
    static MinMax minMax(float[] w, HqqLayout layout, int maxCode, boolean roundZero) {
        int groups = layout.groups();
        float[] scale = new float[groups];
        float[] zero = new float[groups];
        for (int g = 0; g < groups; g++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < layout.groupSize(); j++) {
                float v = w[layout.index(g, j)];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            float denom = max - min;
            float s = Math.abs(denom) <= 1e-4f ? 1f : maxCode / denom;
            s = Math.min(s, 2e4f);
            float z = -min * s;
            scale[g] = s;
            zero[g] = roundZero ? (float) Math.rint(z) : z;
        }
        return new MinMax(scale, zero);
    }

    /** {@code Quantizer.dequantize}: (W_q − zero) · scale, in FP16 like {@code compute_dtype=float16}. */
    static float[] dequantize(int[] codes, HqqLayout layout, float[] scale, float[] zero) {
        float[] out = new float[codes.length];
        for (int g = 0; g < layout.groups(); g++) {
            for (int j = 0; j < layout.groupSize(); j++) {
                int i = layout.index(g, j);
                out[i] = fp16(fp16(codes[i] - zero[g]) * scale[g]);
            }
        }
        return out;
    }

    static float fp16(float x) {
        return Float.float16ToFloat(Float.floatToFloat16(x));
    }

    static float[] fp16(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = fp16(x[i]);
        }
        return out;
    }
}
