package app.bytewise.quant.hqq;

/**
 * What HQQ stores for one tensor and what it gives back.
 *
 * @param codes W_q, one code per value in the tensor's flat order
 * @param packed W_q packed by {@link HqqBitPack} (what {@code HQQLinear.W_q} holds)
 * @param scale per group, the dequantization scale 1 / scale as used: FP16, or the 8-bit
 *     meta-quantized value decoded
 * @param zero per group, the zero point as used: FP16, or the 8-bit meta-quantized value decoded
 * @param dequantized {@code (W_q − zero) · scale} in FP16, HQQ's default {@code compute_dtype}
 * @param storedBits packed codes, scales and zeros (and their meta scales and zeros) counted
 * @param steps proximal steps run (0 without the optimizer)
 * @param errors mean |W − Ŵ| of each step (float32, before FP16 storage), the first one min-max's
 */
public record HqqTensor(HqqConfig config, int[] codes, byte[] packed, float[] scale, float[] zero,
        float[] dequantized, long storedBits, int steps, double[] errors) {

    public double bitsPerValue() {
        return (double) storedBits / codes.length;
    }
}
