package app.bytewise.engine.checkpoint;

import java.util.Optional;

/**
 * Every tensor type a GGUF file may name, with ggml's id, block size (values per block) and type
 * size (bytes per block). Ids from {@code enum ggml_type} in ggml/include/ggml.h; sizes from
 * {@code type_traits} in ggml/src/ggml.c, whose {@code sizeof(block_*)} the static_asserts in
 * ggml/src/ggml-common.h spell out (e.g. block_q4_K = 2 halves + 12 scale bytes + QK_K/2 = 144).
 * All at ggml-org/ggml commit d99724f2b141fed9e1a9f402213506c081433465.
 *
 * <p>Not to be confused with {@link app.bytewise.engine.format.GgmlType}, the subset Bytewise can
 * quantize to in an estimate; this table is for reading any file.
 */
public enum GgufTensorType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q8_1(9, 32, 36),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    Q8_K(15, 256, 292),
    IQ2_XXS(16, 256, 66),
    IQ2_XS(17, 256, 74),
    IQ3_XXS(18, 256, 98),
    IQ1_S(19, 256, 50),
    IQ4_NL(20, 32, 18),
    IQ3_S(21, 256, 110),
    IQ2_S(22, 256, 82),
    IQ4_XS(23, 256, 136),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    IQ1_M(29, 256, 56),
    BF16(30, 1, 2),
    TQ1_0(34, 256, 54),
    TQ2_0(35, 256, 66),
    MXFP4(39, 32, 17),
    NVFP4(40, 64, 36),
    Q1_0(41, 128, 18),
    Q2_0(42, 64, 18);

    /** {@code GGML_TYPE_COUNT}: ids from here on are not defined by that ggml. */
    public static final int COUNT = 43;

    private static final GgufTensorType[] BY_ID = new GgufTensorType[COUNT];

    static {
        for (GgufTensorType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;
    private final int blockSize;
    private final int typeSize;

    GgufTensorType(int id, int blockSize, int typeSize) {
        this.id = id;
        this.blockSize = blockSize;
        this.typeSize = typeSize;
    }

    public int id() {
        return id;
    }

    /** Values per block ({@code blck_size}). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block ({@code type_size}). */
    public int typeSize() {
        return typeSize;
    }

    public double bitsPerWeight() {
        return 8.0 * typeSize / blockSize;
    }

    public static Optional<GgufTensorType> byId(long id) {
        return id >= 0 && id < COUNT ? Optional.ofNullable(BY_ID[(int) id]) : Optional.empty();
    }

    /**
     * Why an id in range has no type: ggml keeps these slots with block size 0, so a file naming
     * one cannot be loaded (type_traits entries 4, 5, 31-33; 36-38 are commented out of ggml.h).
     */
    static Optional<String> removed(long id) {
        if (id < 0 || id >= COUNT) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch ((int) id) {
            case 4 -> "Q4_2, whose support ggml removed";
            case 5 -> "Q4_3, whose support ggml removed";
            case 31, 32, 33 -> "Q4_0_" + (id == 31 ? "4_4" : id == 32 ? "4_8" : "8_8")
                    + ", removed from GGUF files (ggml repacks Q4_0 at load time instead)";
            case 36, 37, 38 -> "IQ4_NL_" + (id == 36 ? "4_4" : id == 37 ? "4_8" : "8_8")
                    + ", removed from GGUF files";
            default -> null;
        });
    }
}
