package app.bytewise.engine.checkpoint;

import static app.bytewise.engine.checkpoint.TruncatedHeaderException.bytes;
import static app.bytewise.engine.checkpoint.TruncatedHeaderException.unsigned;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a GGUF header by the rules of {@code gguf_init_from_reader} in ggml/src/gguf.cpp
 * (ggml-org/ggml commit d99724f2b141fed9e1a9f402213506c081433465) and the layout in
 * ggml/docs/gguf.md: magic, version, counts, key-value pairs, tensor infos. Limits are ggml's
 * where it has them, and otherwise bounds far above any real file.
 */
final class GgufReader {

    static final int MAX_TENSORS = 200_000;
    /** Real files carry a few dozen keys. */
    static final int MAX_KEYS = 100_000;
    /** gguf.md: a key "must be at most 2^16-1/65535 bytes long". */
    static final int MAX_KEY_LENGTH = 65_535;
    /** {@code GGUF_MAX_STRING_LENGTH} and {@code GGUF_MAX_ARRAY_ELEMENTS} in gguf.cpp. */
    static final long MAX_STRING_LENGTH = 1L << 30;
    static final long MAX_ARRAY_ELEMENTS = 1L << 30;
    /** {@code GGML_MAX_NAME} in ggml.h; gguf.cpp refuses names of that length or more (C string + NUL). */
    static final int MAX_NAME_LENGTH = 63;
    /** {@code GGML_MAX_DIMS} in ggml.h. */
    static final int MAX_DIMS = 4;
    /** gguf.md allows arrays of arrays (gguf.cpp reads none); deeper than this is no real file. */
    static final int MAX_ARRAY_DEPTH = 8;
    /** Arrays up to this length are kept whole; longer ones (token lists) only by type and length. */
    static final int KEEP_ELEMENTS = 1024;
    /** Elements kept over the whole header, so nested small arrays cannot multiply into millions. */
    static final int KEEP_BUDGET = 65_536;
    /** {@code GGUF_DEFAULT_ALIGNMENT} in gguf.h. */
    static final int DEFAULT_ALIGNMENT = 32;

    private final GgufCursor in;
    private final String field;
    private int keepBudget = KEEP_BUDGET;

    private GgufReader(GgufCursor in) {
        this.in = in;
        this.field = in.field();
    }

    static GgufHeader read(byte[] prefix, String field, long uploadLimit) {
        return new GgufReader(new GgufCursor(prefix == null ? new byte[0] : prefix, field, uploadLimit)).header();
    }

    private GgufHeader header() {
        magic();
        int version = version();
        long tensorCount = count(in.u64(), MAX_TENSORS, "tensor_count", "tensors");
        long keyCount = count(in.u64(), MAX_KEYS, "metadata_kv_count", "metadata keys");
        Map<String, GgufValue> metadata = new LinkedHashMap<>();
        for (long i = 0; i < keyCount; i++) {
            in.at("metadata key", i, keyCount);
            String key = in.string(MAX_KEY_LENGTH, "a metadata key");
            if (key.isEmpty()) {
                throw invalid("Metadata key " + (i + 1) + " is empty.");
            }
            if (metadata.containsKey(key)) {
                throw invalid("The metadata key '" + key + "' appears twice.");
            }
            in.at("the value of '" + key + "'");
            long typeId = in.u32();
            GgufValueType type = GgufValueType.byId(typeId);
            if (type == null) {
                throw invalid("The key '" + key + "' has value type " + typeId + ", which GGUF does not define (0-12).");
            }
            metadata.put(key, value(type, 0));
        }
        long alignment = alignment(metadata.get("general.alignment"));
        List<GgufTensor> tensors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            in.at("tensor info", i, tensorCount);
            GgufTensor tensor = tensorInfo();
            if (!names.add(tensor.name())) {
                throw invalid("Two tensors are named '" + tensor.name() + "'.");
            }
            tensors.add(tensor);
        }
        long dataOffset = tensorCount > 0 ? pad(in.position(), alignment) : in.position();
        long dataSize = checkOffsets(tensors, alignment);
        if (dataSize > Long.MAX_VALUE - dataOffset) {
            throw invalid("The tensors add up to more than 2^63 bytes.");
        }
        return new GgufHeader(version, metadata, tensors, alignment, dataOffset, dataSize);
    }

    private void magic() {
        in.require(4);
        int[] m = {in.u8(), in.u8(), in.u8(), in.u8()};
        if (m[0] == 'G' && m[1] == 'G' && m[2] == 'U' && m[3] == 'F') {
            return;
        }
        StringBuilder found = new StringBuilder();
        for (int b : m) {
            found.append(b >= 0x20 && b < 0x7F ? (char) b : '?');
        }
        String hint = m[1] == 0 && m[2] == 0 ? " It may be a safetensors file, which begins with its header length." : "";
        throw invalid("A GGUF file begins with the bytes 'GGUF'; this one begins with '" + found + "'." + hint);
    }

    /** gguf.cpp: version 0 is bad, 1 is no longer supported, and a low 16 bits of 0 means the other byte order. */
    private int version() {
        long version = in.u32();
        if (version != 0 && (version & 0xFFFF) == 0) {
            throw invalid("The version field reads " + version + " (0x" + Long.toHexString(version) + "): this is a "
                    + "big-endian GGUF file. Bytewise reads little-endian GGUF, the default llama.cpp writes.");
        }
        if (version == 1) {
            throw invalid("This is a GGUF version 1 file, which llama.cpp no longer reads (its counts were 32-bit). "
                    + "Convert the model again with a current llama.cpp.");
        }
        if (version != 2 && version != 3) {
            throw invalid("GGUF version " + version + " is not one Bytewise reads (2 and 3).");
        }
        return (int) version;
    }

    private long count(long value, int max, String name, String what) {
        if (value < 0 || value > max) {
            throw invalid("The header's " + name + " is " + unsigned(value) + "; Bytewise reads files of up to "
                    + bytes(max) + " " + what + ", far more than any real model has.");
        }
        return value;
    }

    private GgufValue value(GgufValueType type, int depth) {
        return switch (type) {
            case UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64 -> new GgufValue.Int(type, integer(type));
            case FLOAT32 -> new GgufValue.Real(type, Float.intBitsToFloat((int) in.u32()));
            case FLOAT64 -> new GgufValue.Real(type, Double.longBitsToDouble(in.u64()));
            case BOOL -> new GgufValue.Bool(in.u8() != 0); // gguf.cpp: any non-zero byte is true
            case STRING -> new GgufValue.Text(in.string(MAX_STRING_LENGTH, "a string value"));
            case ARRAY -> array(depth + 1);
        };
    }

    private long integer(GgufValueType type) {
        return switch (type) {
            case UINT8 -> in.u8();
            case INT8 -> (byte) in.u8();
            case UINT16 -> in.u16();
            case INT16 -> (short) in.u16();
            case UINT32 -> in.u32();
            case INT32 -> (int) in.u32();
            default -> in.u64();
        };
    }

    /** Reads an array, keeping its elements when it is small and the header's keep budget allows. */
    private GgufValue.Array array(int depth) {
        GgufValueType type = arrayType(depth);
        long length = arrayLength(type);
        if (length > KEEP_ELEMENTS || length > keepBudget) {
            skipElements(type, length, depth);
            return new GgufValue.Array(type, length, List.of());
        }
        keepBudget -= (int) length;
        List<GgufValue> values = new ArrayList<>((int) length);
        for (long i = 0; i < length; i++) {
            values.add(value(type, depth));
        }
        return new GgufValue.Array(type, length, values);
    }

    /** Skips an array's elements, building nothing, so a skipped array costs no memory at all. */
    private void skipElements(GgufValueType type, long length, int depth) {
        if (type.size() > 0) {
            in.skip(length * type.size());
            return;
        }
        for (long i = 0; i < length; i++) {
            if (type == GgufValueType.STRING) {
                in.skipString(MAX_STRING_LENGTH, "a string in an array");
            } else {
                GgufValueType inner = arrayType(depth + 1);
                skipElements(inner, arrayLength(inner), depth + 1);
            }
        }
    }

    private GgufValueType arrayType(int depth) {
        if (depth > MAX_ARRAY_DEPTH) {
            throw invalid("Arrays nest more than " + MAX_ARRAY_DEPTH + " deep; no GGUF file does that.");
        }
        long typeId = in.u32();
        GgufValueType type = GgufValueType.byId(typeId);
        if (type == null) {
            throw invalid("An array has element type " + typeId + ", which GGUF does not define (0-12).");
        }
        return type;
    }

    /** The count, checked against ggml's bound and then against the bytes left, before any loop. */
    private long arrayLength(GgufValueType type) {
        long length = in.u64();
        if (length < 0 || length > MAX_ARRAY_ELEMENTS) {
            throw invalid("An array claims " + unsigned(length) + " elements, over the " + bytes(MAX_ARRAY_ELEMENTS)
                    + " a GGUF reader accepts.");
        }
        in.require(length * type.minimumSize());
        return length;
    }

    /** gguf.cpp: general.alignment, when present, is a u32 power of two. */
    private long alignment(GgufValue value) {
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (!(value instanceof GgufValue.Int(GgufValueType type, long alignment)) || type != GgufValueType.UINT32) {
            throw invalid("general.alignment must be a UINT32, but it is " + value.type() + ".");
        }
        if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
            throw invalid("general.alignment is " + alignment + ", not a power of two.");
        }
        return alignment;
    }

    private GgufTensor tensorInfo() {
        String name = in.string(MAX_NAME_LENGTH, "a tensor name");
        long dims = in.u32();
        if (dims > MAX_DIMS) {
            throw invalid("Tensor '" + name + "' has " + dims + " dimensions; ggml allows at most " + MAX_DIMS + ".");
        }
        List<Long> shape = new ArrayList<>();
        long elements = 1;
        for (int d = 0; d < dims; d++) {
            long ne = in.u64();
            if (ne < 0) {
                throw invalid("Tensor '" + name + "' dimension " + d + " is " + unsigned(ne)
                        + ", past what ggml holds (2^63 - 1).");
            }
            shape.add(ne);
            elements = multiply(elements, ne, name, shape);
        }
        long typeId = in.u32();
        GgufTensorType type = GgufTensorType.byId(typeId).orElseThrow(() -> invalid("Tensor '" + name + "' has ggml type "
                + typeId + ", " + GgufTensorType.removed(typeId).orElse("which this ggml type table (ids 0-"
                + (GgufTensorType.COUNT - 1) + ") does not define; the file may come from a newer llama.cpp") + "."));
        long rowLength = shape.isEmpty() ? 1 : shape.getFirst();
        if (rowLength % type.blockSize() != 0) {
            throw invalid("Tensor '" + name + "' is " + type + " with rows of " + bytes(rowLength) + " values, not a "
                    + "multiple of its block size " + type.blockSize() + ", so ggml cannot store it.");
        }
        long bytes = multiply(elements / type.blockSize(), type.typeSize(), name, shape);
        long offset = in.u64();
        return new GgufTensor(name, type, shape, offset, elements, bytes);
    }

    private long multiply(long a, long b, String name, List<Long> shape) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            throw invalid("Tensor '" + name + "' has shape " + shape + ", more than 2^63 elements or bytes.");
        }
    }

    /** gguf.cpp: each tensor starts where the one before ends, padded to the alignment. */
    private long checkOffsets(List<GgufTensor> tensors, long alignment) {
        long size = 0;
        long elements = 0;
        for (GgufTensor tensor : tensors) {
            if (tensor.offset() != size) {
                throw invalid("Tensor '" + tensor.name() + "' has data offset " + unsigned(tensor.offset())
                        + ", but the tensors before it end at " + bytes(size) + " (padded to " + alignment + ").");
            }
            try {
                size = Math.addExact(size, pad(tensor.bytes(), alignment));
                elements = Math.addExact(elements, tensor.elements());
            } catch (ArithmeticException overflow) {
                throw invalid("The tensors add up to more than 2^63 bytes or elements.");
            }
        }
        return size;
    }

    /** {@code GGML_PAD}: the next multiple of a power-of-two alignment; throws on overflow. */
    private static long pad(long value, long alignment) {
        long rest = value % alignment;
        return rest == 0 ? value : Math.addExact(value, alignment - rest);
    }

    private InvalidInputException invalid(String message) {
        return new InvalidInputException(field, message);
    }
}
