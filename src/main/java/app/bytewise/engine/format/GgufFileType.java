package app.bytewise.engine.format;

import static app.bytewise.engine.format.GgmlType.*;

import java.util.Optional;

/**
 * llama-quantize's file types ("mixes"): a default tensor type plus per-tensor rules. Defaults
 * from {@code llama_ftype_get_default_type()} in llama.cpp's {@code src/llama-quant.cpp}.
 */
public enum GgufFileType {
    F16(GgmlType.F16),
    Q8_0(GgmlType.Q8_0),
    Q6_K(GgmlType.Q6_K),
    Q5_K_M(Q5_K),
    Q5_K_S(Q5_K),
    Q5_1(GgmlType.Q5_1),
    Q5_0(GgmlType.Q5_0),
    Q4_K_M(Q4_K),
    Q4_K_S(Q4_K),
    Q4_1(GgmlType.Q4_1),
    Q4_0(GgmlType.Q4_0),
    Q3_K_L(Q3_K),
    Q3_K_M(Q3_K),
    Q2_K(GgmlType.Q2_K),
    /** gpt-oss's file type: routed experts in MXFP4, every other quantizable tensor in Q8_0. */
    MXFP4_MOE(GgmlType.MXFP4);

    private final GgmlType defaultType;

    GgufFileType(GgmlType defaultType) {
        this.defaultType = defaultType;
    }

    public GgmlType defaultType() {
        return defaultType;
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
