package app.bytewise.engine.checkpoint;

/** GGUF metadata value types, {@code enum gguf_type} in ggml/include/gguf.h, with their fixed sizes. */
public enum GgufValueType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1),
    /** u64 length + bytes. */
    STRING(0),
    /** u32 element type + u64 count + elements. */
    ARRAY(0),
    UINT64(8), INT64(8), FLOAT64(8);

    private final int size;

    GgufValueType(int size) {
        this.size = size;
    }

    /** Bytes of one value, 0 for strings and arrays, whose size is in their data. */
    public int size() {
        return size;
    }

    /** The fewest bytes one value of this type takes: a string its length, an array type and count. */
    int minimumSize() {
        return switch (this) {
            case STRING -> 8;
            case ARRAY -> 12;
            default -> size;
        };
    }

    boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64 && this != BOOL && this != STRING && this != ARRAY;
    }

    private static final GgufValueType[] BY_ID = values();

    /** Null for an id GGUF does not define; no Optional, as this runs once per array element skipped. */
    static GgufValueType byId(long id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[(int) id] : null;
    }
}
