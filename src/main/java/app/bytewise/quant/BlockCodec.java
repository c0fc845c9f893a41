package app.bytewise.quant;

/**
 * A block quantization format whose stored bytes are fixed by a reference implementation: a row of
 * float32 values becomes a sequence of fixed-size blocks, and decoding gives float32 back.
 * Implementations are byte-exact with their reference (llama.cpp's {@code quantize_row_*_ref} /
 * {@code dequantize_row_*}), which tests check against vectors produced by the reference code.
 */
public interface BlockCodec {

    /** The format's name as its reference spells it, e.g. {@code Q4_K}. */
    String name();

    /** Values per block. */
    int blockSize();

    /** Stored bytes per block. */
    int bytesPerBlock();

    /** Encodes {@code values} (length a multiple of {@link #blockSize()}) into the stored bytes. */
    byte[] encode(float[] values);

    /** Decodes {@code n} values from the stored bytes. */
    float[] decode(byte[] blocks, int n);
}
