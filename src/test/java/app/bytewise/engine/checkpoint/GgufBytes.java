package app.bytewise.engine.checkpoint;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes GGUF bytes by ggml/docs/gguf.md, field by field, little-endian: "GGUF", u32 version,
 * u64 tensor_count, u64 metadata_kv_count, then key-value pairs (string key = u64 length + bytes,
 * u32 value type, value), then tensor infos (name, u32 n_dims, u64 dims, u32 ggml type, u64
 * offset). Type ids from gguf.h ({@code GGUF_TYPE_UINT32 = 4}, {@code STRING = 8}, {@code ARRAY = 9}).
 * It writes what it is told, valid or not, so tests can build broken files too.
 */
public final class GgufBytes {

    static final int UINT8 = 0;
    static final int INT32 = 5;
    static final int FLOAT32 = 6;
    static final int BOOL = 7;
    public static final int UINT32 = 4;
    public static final int STRING = 8;
    static final int ARRAY = 9;
    static final int UINT64 = 10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static GgufBytes header(long version, long tensors, long keys) {
        return new GgufBytes().raw('G', 'G', 'U', 'F').u32(version).u64(tensors).u64(keys);
    }

    GgufBytes raw(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    GgufBytes u8(int value) {
        out.write(value);
        return this;
    }

    public GgufBytes u32(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    public GgufBytes u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    GgufBytes str(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        u64(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    public GgufBytes kvU32(String key, long value) {
        return str(key).u32(UINT32).u32(value);
    }

    public GgufBytes kvString(String key, String value) {
        return str(key).u32(STRING).str(value);
    }

    GgufBytes kvF32(String key, float value) {
        return str(key).u32(FLOAT32).u32(Float.floatToIntBits(value));
    }

    GgufBytes kvBool(String key, boolean value) {
        return str(key).u32(BOOL).u8(value ? 1 : 0);
    }

    GgufBytes kvStrings(String key, List<String> values) {
        str(key).u32(ARRAY).u32(STRING).u64(values.size());
        values.forEach(this::str);
        return this;
    }

    /** An array header (type 9, element type, count) followed by whatever {@code elements} writes. */
    GgufBytes kvArray(String key, int elementType, long count, Consumer<GgufBytes> elements) {
        str(key).u32(ARRAY).u32(elementType).u64(count);
        elements.accept(this);
        return this;
    }

    public GgufBytes tensor(String name, int ggmlType, long offset, long... dims) {
        str(name).u32(dims.length);
        for (long dim : dims) {
            u64(dim);
        }
        return u32(ggmlType).u64(offset);
    }

    int size() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
