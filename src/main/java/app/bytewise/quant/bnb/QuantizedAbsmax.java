package app.bytewise.quant.bnb;

/**
 * Double-quantized absmax ({@code compress_statistics=True}): what a checkpoint stores instead of
 * one float32 per 64 weights.
 *
 * @param codes one 8-bit dynamic-map code per absmax value ({@code quant_state.absmax})
 * @param absmax2 one float32 scale per {@value DoubleQuant#BLOCK_SIZE} codes ({@code state2.absmax})
 * @param offset the mean subtracted before coding ({@code quant_state.offset})
 */
public record QuantizedAbsmax(byte[] codes, float[] absmax2, float offset) {

    public QuantizedAbsmax {
        if (absmax2.length != Blocks.blockCount(codes.length, DoubleQuant.BLOCK_SIZE)) {
            throw new IllegalArgumentException("absmax2 length does not fit " + codes.length + " codes");
        }
    }
}
