package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cache types llama.cpp accepts for {@code type_k} / {@code type_v} (common/arg.cpp
 * {@code kv_cache_types}), with ggml's block size and bytes per block ({@code ggml.c}
 * {@code type_traits}) and type id ({@code ggml.h} {@code enum ggml_type}).
 */
public enum LlamaCppCacheType {
    F32(0, 1, 4), F16(1, 1, 2), BF16(30, 1, 2), Q8_0(8, 32, 34), Q4_0(2, 32, 18), Q4_1(3, 32, 20), IQ4_NL(20, 32, 18),
    Q5_0(6, 32, 22), Q5_1(7, 32, 24);

    private final int ggmlType;
    private final int blockSize;
    private final int blockBytes;

    LlamaCppCacheType(int ggmlType, int blockSize, int blockBytes) {
        this.ggmlType = ggmlType;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** ggml's name, as {@code --cache-type-k} takes it and the log prints it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int ggmlType() {
        return ggmlType;
    }

    public int blockSize() {
        return blockSize;
    }

    public boolean isQuantized() {
        return blockSize > 1;
    }

    /** {@code ggml_row_size}: bytes of a row of {@code elements}, which must be whole blocks. */
    public long rowBytes(long elements) {
        return elements / blockSize * blockBytes;
    }

    public static LlamaCppCacheType parse(String id, String field) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id().equals(key)).findFirst().orElseThrow(() ->
                new InvalidInputException(field, "llama.cpp cache type '" + (key.length() > 20 ? key.substring(0, 20) + "…" : key)
                        + "' is not one it accepts: f32, f16, bf16, q8_0, q4_0, q4_1, iq4_nl, q5_0, q5_1."));
    }
}
