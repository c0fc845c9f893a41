package app.bytewise.quant.bnb;

/**
 * The stored form of a 4-bit quantized tensor, as {@code quantize_4bit} returns it.
 *
 * @param packed the codes, two per byte, element {@code 2k} in the high nibble of byte {@code k};
 *     {@code (n + 1) / 2} bytes and nothing else
 * @param absmax one float32 scale per block of {@value Blocks#BLOCK_SIZE} elements
 * @param n the number of elements encoded
 */
public record Quantized4Bit(byte[] packed, float[] absmax, int n) {

    public Quantized4Bit {
        if (packed.length != (n + 1) / 2 || absmax.length != Blocks.blockCount(n, Blocks.BLOCK_SIZE)) {
            throw new IllegalArgumentException("packed/absmax lengths do not fit n=" + n);
        }
    }
}
