package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a GGUF v3 file, the twin of {@link GgufReader}: metadata key-values, then tensor infos
 * whose offsets it computes, then the data section. It writes only the header; the data section
 * is left as a hole ({@link #write} sets the file length), so a 13 GB model costs a few hundred
 * bytes of disk: enough for a loader that sizes a model without reading its weights.
 *
 * <p>Layout by ggml/docs/gguf.md and {@code gguf_write_to_buf} in ggml/src/gguf.cpp (ggml-org/ggml
 * commit d99724f2b141fed9e1a9f402213506c081433465): each tensor's offset is the end of the one
 * before, padded to {@code general.alignment} (32 by default), and the data section starts at
 * the header's end padded the same way.
 */
public final class GgufWriter {

    /** A tensor info: {@code shape} in ggml order, {@code ne[0]} (the row) first. */
    public record Tensor(String name, GgufTensorType type, List<Long> shape) {

        public Tensor {
            shape = List.copyOf(shape);
        }
    }

    private static final String FIELD = "gguf";

    private final Map<String, GgufValue> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private final HashSet<String> names = new HashSet<>();

    public GgufWriter u32(String key, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw invalid("'" + key + "' = " + value + " does not fit a UINT32.");
        }
        return put(key, new GgufValue.Int(GgufValueType.UINT32, value));
    }

    public GgufWriter i32(String key, int value) {
        return put(key, new GgufValue.Int(GgufValueType.INT32, value));
    }

    public GgufWriter u64(String key, long value) {
        return put(key, new GgufValue.Int(GgufValueType.UINT64, value));
    }

    public GgufWriter f32(String key, float value) {
        return put(key, new GgufValue.Real(GgufValueType.FLOAT32, value));
    }

    public GgufWriter bool(String key, boolean value) {
        return put(key, new GgufValue.Bool(value));
    }

    public GgufWriter string(String key, String value) {
        return put(key, new GgufValue.Text(value));
    }

    public GgufWriter strings(String key, List<String> values) {
        return put(key, array(GgufValueType.STRING, values.stream().<GgufValue>map(GgufValue.Text::new).toList()));
    }

    public GgufWriter ints(String key, List<Integer> values) {
        return put(key, array(GgufValueType.INT32,
                values.stream().<GgufValue>map(v -> new GgufValue.Int(GgufValueType.INT32, v)).toList()));
    }

    public GgufWriter floats(String key, List<Float> values) {
        return put(key, array(GgufValueType.FLOAT32,
                values.stream().<GgufValue>map(v -> new GgufValue.Real(GgufValueType.FLOAT32, v)).toList()));
    }

    /** Any value, e.g. one read by {@link GgufReader}; an array must hold all its elements. */
    public GgufWriter put(String key, GgufValue value) {
        if (key.isEmpty() || metadata.containsKey(key)) {
            throw invalid(key.isEmpty() ? "A metadata key is empty." : "The metadata key '" + key + "' is set twice.");
        }
        if ("general.alignment".equals(key) && !(value instanceof GgufValue.Int(GgufValueType t, long a)
                && t == GgufValueType.UINT32 && a > 0 && (a & (a - 1)) == 0)) {
            throw invalid("general.alignment must be a UINT32 power of two, not " + value + ".");
        }
        if (!tensors.isEmpty() && "general.alignment".equals(key)) {
            throw invalid("Set general.alignment before the tensors, whose offsets depend on it.");
        }
        check(value);
        metadata.put(key, value);
        return this;
    }

    /** @param shape {@code ne[0]}, {@code ne[1]}, …: ggml order, the row length first */
    public GgufWriter tensor(String name, GgufTensorType type, long... shape) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > GgufReader.MAX_NAME_LENGTH) {
            throw invalid("Tensor name '" + name + "' must have 1 to " + GgufReader.MAX_NAME_LENGTH + " bytes.");
        }
        if (!names.add(name)) {
            throw invalid("Two tensors are named '" + name + "'.");
        }
        if (shape.length == 0 || shape.length > GgufReader.MAX_DIMS) {
            throw invalid("Tensor '" + name + "' has " + shape.length + " dimensions; ggml takes 1 to 4.");
        }
        long elements = 1;
        for (long ne : shape) {
            if (ne < 1) {
                throw invalid("Tensor '" + name + "' has a dimension of " + ne + ".");
            }
            if (elements > Long.MAX_VALUE / ne) {
                throw invalid("Tensor '" + name + "' has more than 2^63 elements.");
            }
            elements *= ne;
        }
        // ggml_row_size: a row is ne0 / blck_size blocks of type_size bytes, so ne0 must fill whole blocks.
        if (shape[0] % type.blockSize() != 0) {
            throw invalid("Tensor '" + name + "' is " + type + " with rows of " + shape[0]
                    + " values, not a multiple of its block size " + type.blockSize() + ".");
        }
        tensors.add(new Tensor(name, type, Arrays.stream(shape).boxed().toList()));
        sizes.add(Math.multiplyExact(elements / type.blockSize(), type.typeSize()));
        return this;
    }

    public List<Tensor> tensors() {
        return List.copyOf(tensors);
    }

    public long alignment() {
        return metadata.get("general.alignment") instanceof GgufValue.Int(GgufValueType t, long a)
                ? a : GgufReader.DEFAULT_ALIGNMENT;
    }

    /** Bytes of every tensor's data, unpadded: what llama.cpp's {@code llama_model_size} sums. */
    public long tensorBytes() {
        return sizes.stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }

    /** The data section: each tensor padded to the alignment, the last one too (gguf.cpp does). */
    public long dataSize() {
        return sizes.stream().mapToLong(s -> pad(s, alignment())).reduce(0, Math::addExact);
    }

    /** The header, padded to the alignment: the data section starts right after it. */
    public byte[] header() {
        Out out = new Out();
        out.bytes('G', 'G', 'U', 'F').u32(3).u64(tensors.size()).u64(metadata.size());
        metadata.forEach((key, value) -> {
            out.string(key).u32(value.type().ordinal());
            out.value(value);
        });
        long offset = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor tensor = tensors.get(i);
            out.string(tensor.name()).u32(tensor.shape().size());
            tensor.shape().forEach(out::u64);
            out.u32(tensor.type().id()).u64(offset);
            offset += pad(sizes.get(i), alignment());
        }
        // gguf.cpp pads after the tensor infos only when there are tensors, as GgufReader reads it.
        long end = tensors.isEmpty() ? out.size() : pad(out.size(), alignment());
        while (out.size() < end) {
            out.bytes(0);
        }
        return out.toByteArray();
    }

    /** Header length + data size: where the file ends. */
    public long fileSize() {
        return Math.addExact(header().length, dataSize());
    }

    /**
     * Writes the header to {@code path} (replacing it) and extends the file to {@link #fileSize()}
     * without writing the data, so on Linux file systems the data is a hole that reads as zeros.
     */
    public Path write(Path path) {
        byte[] header = header();
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(0);
            file.write(header);
            file.setLength(Math.addExact(header.length, dataSize()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
        return path;
    }

    private static GgufValue.Array array(GgufValueType type, List<GgufValue> values) {
        return new GgufValue.Array(type, values.size(), values);
    }

    private void check(GgufValue value) {
        boolean typeFits = switch (value) {
            case GgufValue.Int i -> i.type().isInteger();
            case GgufValue.Real r -> r.type() == GgufValueType.FLOAT32 || r.type() == GgufValueType.FLOAT64;
            default -> true;
        };
        if (!typeFits) {
            throw invalid("A " + value.getClass().getSimpleName() + " value cannot have type " + value.type() + ".");
        }
        if (value instanceof GgufValue.Array a) {
            if (!a.complete()) {
                throw invalid("An array of " + a.length() + " " + a.elementType() + " keeps only " + a.values().size()
                        + " elements; all are needed to write it.");
            }
            for (GgufValue element : a.values()) {
                if (element.type() != a.elementType()) {
                    throw invalid("An array of " + a.elementType() + " holds a " + element.type() + ".");
                }
                check(element);
            }
        }
    }

    private static long pad(long value, long alignment) {
        long rest = value % alignment;
        return rest == 0 ? value : Math.addExact(value, alignment - rest);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(FIELD, message);
    }

    /** Little-endian output, gguf.md's byte order. */
    private static final class Out extends ByteArrayOutputStream {

        Out bytes(int... values) {
            for (int value : values) {
                write(value);
            }
            return this;
        }

        Out u32(long value) {
            for (int i = 0; i < 4; i++) {
                write((int) (value >>> (8 * i)));
            }
            return this;
        }

        Out u64(long value) {
            for (int i = 0; i < 8; i++) {
                write((int) (value >>> (8 * i)));
            }
            return this;
        }

        /** gguf_str: u64 byte length, then UTF-8 without a terminator. */
        Out string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            u64(utf8.length);
            writeBytes(utf8);
            return this;
        }

        void value(GgufValue value) {
            switch (value) {
                case GgufValue.Int(GgufValueType type, long v) -> {
                    for (int i = 0; i < type.size(); i++) {
                        write((int) (v >>> (8 * i)));
                    }
                }
                case GgufValue.Real(GgufValueType type, double v) -> {
                    if (type == GgufValueType.FLOAT32) {
                        u32(Float.floatToRawIntBits((float) v));
                    } else {
                        u64(Double.doubleToRawLongBits(v));
                    }
                }
                case GgufValue.Bool(boolean v) -> write(v ? 1 : 0);
                case GgufValue.Text(String v) -> string(v);
                case GgufValue.Array a -> {
                    u32(a.elementType().ordinal()).u64(a.length());
                    a.values().forEach(this::value);
                }
            }
        }
    }
}
