package app.bytewise.engine.format;

import java.util.Optional;

/**
 * llama-quantize's file types ("mixes"): a default tensor type plus per-tensor rules. Ids are
 * {@code enum llama_ftype} of include/llama.h, defaults {@code llama_ftype_get_default_type()} of
 * src/llama-quant.cpp, both of llama.cpp v0.5.0. A mix {@link #requiresImatrix() requires an
 * importance matrix} when some tensor it picks is of a type {@code tensor_requires_imatrix} names
 * (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, and Q2_K inside Q2_K_S): llama-quantize refuses to
 * write those files without one, so they exist only as made with an imatrix.
 */
public enum GgufFileType {
    F16(1, GgmlType.F16, false),
    BF16(32, GgmlType.BF16, false),
    Q8_0(7, GgmlType.Q8_0, false),
    Q6_K(18, GgmlType.Q6_K, false),
    Q5_K_M(17, GgmlType.Q5_K, false),
    Q5_K_S(16, GgmlType.Q5_K, false),
    Q5_1(9, GgmlType.Q5_1, false),
    Q5_0(8, GgmlType.Q5_0, false),
    Q4_K_M(15, GgmlType.Q4_K, false),
    Q4_K_S(14, GgmlType.Q4_K, false),
    Q4_1(3, GgmlType.Q4_1, false),
    Q4_0(2, GgmlType.Q4_0, false),
    IQ4_NL(25, GgmlType.IQ4_NL, false),
    IQ4_XS(30, GgmlType.IQ4_XS, false),
    Q3_K_L(13, GgmlType.Q3_K, false),
    Q3_K_M(12, GgmlType.Q3_K, false),
    Q3_K_S(11, GgmlType.Q3_K, false),
    IQ3_M(27, GgmlType.IQ3_S, false),
    IQ3_S(26, GgmlType.IQ3_S, false),
    /** IQ3_S by default, attention Q/K and the middle layers' FFN gate/up in IQ3_XXS. */
    IQ3_XS(22, GgmlType.IQ3_S, true),
    IQ3_XXS(23, GgmlType.IQ3_XXS, true),
    Q2_K(10, GgmlType.Q2_K, false),
    Q2_K_S(21, GgmlType.Q2_K, true),
    /** IQ2_S by default (the mix is named one step above its default type). */
    IQ2_M(29, GgmlType.IQ2_S, true),
    /** IQ2_XS by default. */
    IQ2_S(28, GgmlType.IQ2_XS, true),
    IQ2_XS(20, GgmlType.IQ2_XS, true),
    IQ2_XXS(19, GgmlType.IQ2_XXS, true),
    IQ1_M(31, GgmlType.IQ1_M, true),
    IQ1_S(24, GgmlType.IQ1_S, true),
    /** Ternary (BitNet b1.58 models). */
    TQ2_0(37, GgmlType.TQ2_0, false),
    TQ1_0(36, GgmlType.TQ1_0, false),
    Q2_0(41, GgmlType.Q2_0, false),
    Q1_0(40, GgmlType.Q1_0, false),
    /** gpt-oss's file type: routed experts in MXFP4, every other quantizable tensor in Q8_0. */
    MXFP4_MOE(38, GgmlType.MXFP4, false);

    private final int id;
    private final GgmlType defaultType;
    private final boolean requiresImatrix;

    GgufFileType(int id, GgmlType defaultType, boolean requiresImatrix) {
        this.id = id;
        this.defaultType = defaultType;
        this.requiresImatrix = requiresImatrix;
    }

    /** {@code enum llama_ftype}'s value, {@code LLAMA_FTYPE_MOSTLY_<name>}. */
    public int id() {
        return id;
    }

    public GgmlType defaultType() {
        return defaultType;
    }

    public boolean requiresImatrix() {
        return requiresImatrix;
    }

    /** Whether llama-quantize applies per-tensor rules: only to mixes whose default type is quantized. */
    boolean hasRules() {
        return this != F16 && this != BF16;
    }

    public static Optional<GgufFileType> of(String name) {
        for (GgufFileType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
