package app.bytewise.quant.bnb;

/**
 * Double quantization of 4-bit absmax values (QLoRA): subtract their mean, then
 * {@code quantize_blockwise(absmax - offset, blocksize=256)} with the signed dynamic map. Costs
 * 8/64 + 32/(64*256) = 0.127 bit per weight instead of 32/64 = 0.5.
 */
public final class DoubleQuant {

    /** The second-level blocksize {@code quantize_4bit} passes to {@code quantize_blockwise}. */
    public static final int BLOCK_SIZE = 256;

    private DoubleQuant() {
    }

    /** Quantizes with {@code offset = mean(absmax)}, see {@link #mean}. */
    public static QuantizedAbsmax quantize(float[] absmax) {
        return quantize(absmax, mean(absmax));
    }

    /**
     * Quantizes around a given offset, e.g. torch's own float32 {@code absmax.mean()}, which may
     * differ from {@link #mean} by an ulp depending on its reduction order.
     */
    public static QuantizedAbsmax quantize(float[] absmax, float offset) {
        int n = absmax.length;
        float[] centred = new float[n];
        for (int i = 0; i < n; i++) {
            centred[i] = absmax[i] - offset; // float32, as torch subtracts
        }
        DynamicMap map = DynamicMap.signed();
        byte[] codes = new byte[n];
        float[] absmax2 = new float[Blocks.blockCount(n, BLOCK_SIZE)];
        // kQuantizeBlockwise with General8bit: reciprocal of the block absmax, then dQuantize
        for (int b = 0, start = 0; start < n; b++, start += BLOCK_SIZE) {
            int end = Math.min(start + BLOCK_SIZE, n);
            float max = Blocks.absmaxCuda(centred, start, end, BLOCK_SIZE);
            absmax2[b] = max;
            float scale = 1.0f / max;
            for (int i = start; i < end; i++) {
                codes[i] = (byte) map.encode(centred[i] * scale);
            }
        }
        return new QuantizedAbsmax(codes, absmax2, offset);
    }

    /**
     * {@code dequantize_blockwise} then {@code absmax += offset}: {@code map[code] * absmax2 + offset},
     * two float32 roundings (no fused multiply-add).
     */
    public static float[] dequantize(QuantizedAbsmax q) {
        DynamicMap map = DynamicMap.signed();
        byte[] codes = q.codes();
        float[] out = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            float scaled = map.value(codes[i]) * q.absmax2()[i / BLOCK_SIZE];
            out[i] = scaled + q.offset();
        }
        return out;
    }

    /**
     * The mean in float64, rounded to float32. The sum is compensated (Neumaier), so it is the
     * exact sum to within a float64 rounding, which is what numpy's float64 mean gives too.
     */
    public static float mean(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean of nothing");
        }
        double sum = 0;
        double compensation = 0;
        for (float v : values) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return (float) ((sum + compensation) / values.length);
    }
}
