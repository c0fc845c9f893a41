package app.bytewise.engine.format;

/**
 * ggml storage types with their block sizes and bytes per block, as laid out in ggml's
 * {@code ggml-common.h} (e.g. {@code block_q4_K}: 2 fp16 + 12 scale bytes + 128 code bytes = 144
 * bytes per 256 weights). A row of a tensor must be a whole number of blocks.
 */
public enum GgmlType {
    F32(1, 4),
    F16(1, 2),
    BF16(1, 2),
    Q8_0(32, 34),
    Q4_0(32, 18),
    Q4_1(32, 20),
    Q5_0(32, 22),
    Q5_1(32, 24),
    IQ4_NL(32, 18),
    MXFP4(32, 17),
    NVFP4(64, 36),
    Q1_0(128, 18),
    Q2_0(64, 18),
    TQ1_0(256, 54),
    TQ2_0(256, 66),
    IQ4_XS(256, 136),
    IQ3_S(256, 110),
    IQ3_XXS(256, 98),
    IQ2_S(256, 82),
    IQ2_XS(256, 74),
    IQ2_XXS(256, 66),
    IQ1_M(256, 56),
    IQ1_S(256, 50),
    Q2_K(256, 84),
    Q3_K(256, 110),
    Q4_K(256, 144),
    Q5_K(256, 176),
    Q6_K(256, 210);

    private final int blockSize;
    private final int bytesPerBlock;

    GgmlType(int blockSize, int bytesPerBlock) {
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
    }

    public int blockSize() {
        return blockSize;
    }

    public int bytesPerBlock() {
        return bytesPerBlock;
    }

    public double bitsPerWeight() {
        return 8.0 * bytesPerBlock / blockSize;
    }

    public boolean divides(long rowLength) {
        return rowLength % blockSize == 0;
    }

    /** Bytes of {@code rows} rows of {@code rowLength} values; the row length must be a multiple of the block. */
    public long bytes(long rows, long rowLength) {
        if (!divides(rowLength)) {
            throw new IllegalArgumentException(name() + " needs rows of whole " + blockSize + "-blocks, got " + rowLength);
        }
        return Math.multiplyExact(rows, rowLength / blockSize * bytesPerBlock);
    }

    /**
     * llama.cpp's {@code tensor_type_fallback()}: the type used when a row is not a whole number of
     * 256-blocks (k-quants) or, for 32-block types, F16 when even 32 does not divide it.
     */
    public GgmlType fallbackFor(long rowLength) {
        if (divides(rowLength)) {
            return this;
        }
        GgmlType next = switch (this) {
            case IQ4_XS, IQ3_S, IQ3_XXS, IQ2_S, IQ2_XS, IQ2_XXS, IQ1_M, IQ1_S -> IQ4_NL;
            case Q2_K, Q3_K, Q2_0, TQ1_0, TQ2_0 -> Q4_0;
            case Q4_K -> Q5_0;
            case Q5_K -> Q5_1;
            case Q6_K -> Q8_0;
            default -> F16;
        };
        return next.divides(rowLength) ? next : F16;
    }
}
