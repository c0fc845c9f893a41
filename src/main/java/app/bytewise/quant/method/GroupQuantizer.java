package app.bytewise.quant.method;

/**
 * Scale and zero point for one group of values, and the rounding of a value onto that grid.
 * Symmetric: absmax / (2^(b−1) − 1), signed codes in [−2^(b−1), 2^(b−1) − 1], zero point 0.
 * Asymmetric: the range [min(x, 0), max(x, 0)] over 2^b − 1 steps with an integer zero point, as
 * GPTQ's {@code Quantizer.find_params} does (a group of zeros gets the range [−1, 1]). Rounding is
 * half-to-even ({@code Math.rint}), like {@code torch.round}.
 */
record GroupQuantizer(float scale, int zero, int qmin, int qmax) {

    static GroupQuantizer fit(float[] values, int from, int to, int stride, int bits, boolean symmetric) {
        float min = 0;
        float max = 0;
        for (int i = from; i < to; i += stride) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return fit(min, max, bits, symmetric);
    }

    static GroupQuantizer fit(float min, float max, int bits, boolean symmetric) {
        if (symmetric) {
            int qmax = (1 << (bits - 1)) - 1;
            float absmax = Math.max(-min, max);
            return new GroupQuantizer(fp16(absmax / qmax), 0, -qmax - 1, qmax);
        }
        int levels = (1 << bits) - 1;
        if (min == 0 && max == 0) {
            min = -1;
            max = 1;
        }
        float scale = fp16((max - min) / levels);
        int zero = scale == 0 ? 0 : (int) Math.max(0, Math.min(levels, Math.rint(-min / scale)));
        return new GroupQuantizer(scale, zero, 0, levels);
    }

    int code(float x) {
        if (scale == 0) {
            return zero;
        }
        double q = Math.rint(x / scale) + zero;
        return (int) Math.max(qmin, Math.min(qmax, q));
    }

    float value(int code) {
        return (code - zero) * scale;
    }

    float roundTrip(float x) {
        return value(code(x));
    }

    /** Scales are stored in FP16, so the grid uses the FP16 value. */
    static float fp16(float x) {
        return Float.float16ToFloat(Float.floatToFloat16(x));
    }
}
