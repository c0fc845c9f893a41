package app.bytewise.quant.bnb;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * bitsandbytes FP4: sign bit 8 plus a 3-bit magnitude code for {0, 0.0625, 8, 12, 4, 6, 2, 3}/12
 * (codes 0..7, so bit order is not value order), blockwise with one float32 absmax per 64 values.
 * {@code quantize_4bit(quant_type="fp4")} / {@code dequantize_4bit}.
 */
public final class Fp4 {

    /**
     * {@code fp4_dequantization_lut} with the sign applied as {@code dDequantizeFP4Tree} does:
     * {@code (1 - 2*signbit) * lut[code & 7]}, so code 8 is -0.0.
     */
    private static final float[] CUDA_VALUES = withSign(
            0.0f, 0.005208333333f, 0.66666667f, 1.0f, 0.33333333f, 0.5f, 0.16666667f, 0.25f);

    /**
     * {@code dQuantizeFP4}'s pivots on |x|, ascending. 0.583333 is the kernel's (truncated)
     * literal: |x| in (0.583333, 0.5833333] goes to 2/3.
     */
    private static final float[] MAGNITUDE_THRESHOLDS = {
        0.00260417f, 0.0859375f, 0.20833333f, 0.29166667f, 0.4166667f, 0.583333f, 0.8333333f,
    };

    /** The magnitude code of each count of thresholds passed: values 0, 1/192, 1/6, 1/4, 1/3, 1/2, 2/3, 1. */
    private static final byte[] MAGNITUDE_CODE_BY_RANK = {0b000, 0b001, 0b110, 0b111, 0b100, 0b101, 0b010, 0b011};

    /**
     * {@code get_4bit_type("fp4")}: {@code [0, 0.0625, 8, 12, 4, 6, 2, 3, -0, ...] / 12} in float32.
     * Python's {@code -0} is the integer 0, so index 8 is +0.0 here, unlike on CUDA.
     */
    private static final float[] TORCH_VALUES = torchValues();

    /** torch's {@code argsort} of {@link #TORCH_VALUES}; its two zeros stay in index order (0, then 8). */
    private static final byte[] TORCH_CODE_BY_RANK = argsort(TORCH_VALUES);

    private static final FourBitFormat FORMAT = new FourBitFormat(
            cudaTable(), torchTable(), CUDA_VALUES, TORCH_VALUES);

    private Fp4() {
    }

    /** The 16 values the CUDA kernel decodes, indexed by code (code 8 is -0.0). */
    public static float[] codebook() {
        return CUDA_VALUES.clone();
    }

    /** The 16 values of {@code get_4bit_type("fp4")}, used by the torch backend (code 8 is +0.0). */
    public static float[] torchCodebook() {
        return TORCH_VALUES.clone();
    }

    /**
     * {@code dQuantizeFP4}: the code of an already scaled value. Ties go to the smaller magnitude;
     * -0.0 and NaN get sign 0.
     */
    public static int code(float scaled) {
        return FORMAT.cuda().codeOfAny(scaled);
    }

    /** {@code quantize_4bit(x, blocksize=64, quant_type="fp4")} with the CUDA kernel's semantics. */
    public static Quantized4Bit quantize(float[] x) {
        return FORMAT.quantize(x, Backend.CUDA);
    }

    public static Quantized4Bit quantize(float[] x, Backend backend) {
        return FORMAT.quantize(x, backend);
    }

    /** {@code kDequantizeBlockwise}: {@code codebook[code] * absmax}. */
    public static float[] dequantize(byte[] packed, float[] absmax, int n) {
        return FORMAT.dequantize(packed, absmax, n, Backend.CUDA);
    }

    /** Dequantize as the given backend does (they differ only in the sign of code 8's zero). */
    public static float[] dequantize(byte[] packed, float[] absmax, int n, Backend backend) {
        return FORMAT.dequantize(packed, absmax, n, backend);
    }

    public static float[] dequantize(Quantized4Bit q) {
        return dequantize(q.packed(), q.absmax(), q.n());
    }

    /**
     * dQuantizeFP4 on the signed axis. Ties go to the smaller magnitude, so on the negative side a
     * value steps to the next code AT the negated pivot; {@code x < 0} is false for -0.0, so -0.0
     * steps from code 8 back to 0.
     */
    private static CodeTable cudaTable() {
        int pivots = MAGNITUDE_THRESHOLDS.length;
        int[] cuts = new int[2 * pivots + 1];
        int[] codes = new int[2 * pivots + 2];
        for (int j = 0; j < pivots; j++) {
            cuts[j] = CodeTable.atOrAbove(-MAGNITUDE_THRESHOLDS[pivots - 1 - j]);
            cuts[pivots + 1 + j] = CodeTable.above(MAGNITUDE_THRESHOLDS[j]);
        }
        cuts[pivots] = CodeTable.atOrAbove(-0f);
        for (int r = 0; r <= pivots; r++) {
            codes[r] = 8 | MAGNITUDE_CODE_BY_RANK[pivots - r];
            codes[pivots + 1 + r] = MAGNITUDE_CODE_BY_RANK[r];
        }
        return CodeTable.of(cuts, codes);
    }

    /** bucketize on the float32 midpoints of the sorted codebook, then back to bit order. */
    private static CodeTable torchTable() {
        float[] bounds = FourBitFormat.midpoints(sorted(TORCH_VALUES));
        int[] cuts = new int[bounds.length];
        int[] codes = new int[bounds.length + 1];
        codes[0] = TORCH_CODE_BY_RANK[0];
        for (int i = 0; i < bounds.length; i++) {
            cuts[i] = CodeTable.above(bounds[i]);
            codes[i + 1] = TORCH_CODE_BY_RANK[i + 1];
        }
        return CodeTable.of(cuts, codes);
    }

    private static float[] withSign(float... magnitudes) {
        float[] values = new float[16];
        for (int c = 0; c < 8; c++) {
            values[c] = magnitudes[c];
            values[c + 8] = -1.0f * magnitudes[c];
        }
        return values;
    }

    private static float[] torchValues() {
        int[] twelfths = {0, 0, 8, 12, 4, 6, 2, 3};
        float[] values = new float[16];
        for (int c = 0; c < 8; c++) {
            float v = c == 1 ? 0.0625f : twelfths[c];
            values[c] = v / 12f;
            values[c + 8] = (c == 0 ? 0f : -v) / 12f;
        }
        return values;
    }

    private static byte[] argsort(float[] values) {
        // a stable sort by value; Float.compare would put -0.0 first, but both zeros here are +0.0
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        byte[] codes = new byte[order.length];
        for (int r = 0; r < order.length; r++) {
            codes[r] = order[r].byteValue();
        }
        return codes;
    }

    private static float[] sorted(float[] values) {
        float[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
