package app.bytewise.quant.bnb;

/**
 * NF4 (NormalFloat4, QLoRA): 16 quantiles of N(0, 1) scaled to [-1, 1], blockwise with one
 * float32 absmax per 64 values. {@code quantize_4bit(quant_type="nf4")} / {@code dequantize_4bit}.
 */
public final class Nf4 {

    /** {@code nf4_dequantization_lut} in kernels.cu, equal to {@code get_4bit_type("nf4")}. */
    private static final float[] CODEBOOK = {
        -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
        -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
        0.07958029955625534f, 0.16093020141124725f, 0.24611230194568634f, 0.33791524171829224f,
        0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f,
    };

    /**
     * The 15 pivots of {@code dQuantizeNF4}'s tree, ascending. They are the kernel's decimal
     * literals rounded once to float32, as nvcc does; they are not the float32 midpoints of the
     * codebook (5 differ by an ulp). Keep them float literals: {@code (float) 0.84809...} rounds
     * through double and is one ulp off for four of them.
     */
    private static final float[] THRESHOLDS = {
        -0.8480964004993439f, -0.6106329262256622f, -0.4599952697753906f, -0.33967943489551544f,
        -0.23460740596055984f, -0.13791173323988914f, -0.045525018125772476f, 0.03979014977812767f,
        0.1202552504837513f, 0.2035212516784668f, 0.2920137718319893f, 0.3893125355243683f,
        0.5016634166240692f, 0.6427869200706482f, 0.8614784181118011f,
    };

    private static final FourBitFormat FORMAT = new FourBitFormat(
            countingTable(THRESHOLDS),
            // the codebook is ascending, so bucketize's index is the code itself
            countingTable(FourBitFormat.midpoints(CODEBOOK)),
            CODEBOOK, CODEBOOK);

    private Nf4() {
    }

    /** The 16 values, indexed by code. */
    public static float[] codebook() {
        return CODEBOOK.clone();
    }

    /** The CUDA decision thresholds, ascending. */
    public static float[] thresholds() {
        return THRESHOLDS.clone();
    }

    /**
     * {@code dQuantizeNF4}: the code of an already scaled value. A value equal to a threshold
     * takes the lower code; NaN takes code 0.
     */
    public static int code(float scaled) {
        return FORMAT.cuda().codeOfAny(scaled);
    }

    /** {@code quantize_4bit(x, blocksize=64, quant_type="nf4")} with the CUDA kernel's semantics. */
    public static Quantized4Bit quantize(float[] x) {
        return FORMAT.quantize(x, Backend.CUDA);
    }

    public static Quantized4Bit quantize(float[] x, Backend backend) {
        return FORMAT.quantize(x, backend);
    }

    /** {@code dequantize_4bit}: {@code codebook[code] * absmax}; both backends agree for NF4. */
    public static float[] dequantize(byte[] packed, float[] absmax, int n) {
        return FORMAT.dequantize(packed, absmax, n, Backend.CUDA);
    }

    public static float[] dequantize(Quantized4Bit q) {
        return dequantize(q.packed(), q.absmax(), q.n());
    }

    /** Code i for values above exactly i of the ascending thresholds. */
    private static CodeTable countingTable(float[] thresholds) {
        int[] cuts = new int[thresholds.length];
        int[] codes = new int[thresholds.length + 1];
        for (int t = 0; t < thresholds.length; t++) {
            cuts[t] = CodeTable.above(thresholds[t]);
            codes[t + 1] = t + 1;
        }
        return CodeTable.of(cuts, codes);
    }
}
