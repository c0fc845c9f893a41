package app.bytewise.quant.method;

import app.bytewise.quant.tensor.FloatMatrix;

/**
 * Round-to-nearest (RTN): every value to the nearest point of its group's integer grid, with no
 * error compensation. The baseline GPTQ and AWQ are measured against.
 */
public final class RoundToNearest {

    private RoundToNearest() {
    }

    public static QuantizedTensor quantize(FloatMatrix w, IntQuantConfig config) {
        int rows = w.rows();
        int cols = w.cols();
        float[] in = w.data();
        float[] out = new float[in.length];
        long groups;
        if (config.granularity() == Granularity.TENSOR) {
            GroupQuantizer q = GroupQuantizer.fit(in, 0, in.length, 1, config.bits(), config.symmetric());
            for (int i = 0; i < in.length; i++) {
                out[i] = q.roundTrip(in[i]);
            }
            groups = 1;
        } else {
            int group = config.groupLength(cols);
            long perRow = Math.ceilDiv(cols, group);
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                for (int start = 0; start < cols; start += group) {
                    int end = Math.min(cols, start + group);
                    GroupQuantizer q = GroupQuantizer.fit(in, base + start, base + end, 1, config.bits(), config.symmetric());
                    for (int i = base + start; i < base + end; i++) {
                        out[i] = q.roundTrip(in[i]);
                    }
                }
            }
            groups = perRow * rows;
        }
        return new QuantizedTensor("RTN " + config.describe(), new FloatMatrix(rows, cols, out),
                storedBits(in.length, groups, config));
    }

    /** Codes at {@code bits} each, an FP16 scale per group, and a {@code bits}-wide zero point per group when asymmetric. */
    static long storedBits(long values, long groups, IntQuantConfig config) {
        return values * config.bits() + groups * 16 + (config.symmetric() ? 0 : groups * config.bits());
    }
}
