package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The header of a GGUF v2 or v3 file (ggml/docs/gguf.md): its metadata and tensor infos, read
 * from the first bytes of the file by {@link GgufReader}.
 *
 * @param metadata every key in file order; big arrays keep only their type and length
 * @param alignment {@code general.alignment}, 32 when absent
 * @param dataOffset where the tensor data begins in the file (the header, padded to the alignment)
 * @param dataSize bytes of the data section, each tensor padded to the alignment
 */
public record GgufHeader(int version, Map<String, GgufValue> metadata, List<GgufTensor> tensors, long alignment,
        long dataOffset, long dataSize) implements CheckpointHeader {

    public GgufHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** Reads the header from the first bytes of a file, however many it needs. */
    public static GgufHeader read(byte[] prefix, String field) {
        return read(prefix, field, Long.MAX_VALUE);
    }

    /**
     * @param uploadLimit the most bytes the caller accepts; a header that needs more is refused
     *     plainly instead of asking the user for an upload that would fail
     * @throws TruncatedHeaderException when the header goes on past the prefix
     * @throws InvalidInputException when the bytes are not a GGUF header Bytewise reads
     */
    public static GgufHeader read(byte[] prefix, String field, long uploadLimit) {
        return GgufReader.read(prefix, field, uploadLimit);
    }

    public Optional<GgufValue> value(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /** {@code general.architecture}, e.g. {@code llama}, which prefixes the model's own keys. */
    public Optional<String> architecture() {
        return string("general.architecture");
    }

    public Optional<String> string(String key) {
        return metadata.get(key) instanceof GgufValue.Text(String text) ? Optional.of(text) : Optional.empty();
    }

    /**
     * A non-negative integer of any integer type: writers store counts such as
     * {@code llama.block_count} as UINT32, but some use INT32 or UINT64.
     */
    public OptionalLong uint(String key) {
        return metadata.get(key) instanceof GgufValue.Int(GgufValueType type, long value) && value >= 0
                ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** The architecture's own key, e.g. {@code architectureUint("block_count")} reads {@code llama.block_count}. */
    public OptionalLong architectureUint(String suffix) {
        return architecture().map(arch -> uint(arch + "." + suffix)).orElse(OptionalLong.empty());
    }

    public Map<GgufTensorType, Long> bytesPerType() {
        Map<GgufTensorType, Long> totals = new LinkedHashMap<>();
        for (GgufTensor tensor : tensors) {
            totals.merge(tensor.type(), tensor.bytes(), Math::addExact);
        }
        return totals;
    }

    /** The length the whole file has: the header, then the padded tensor data. */
    public long fileSize() {
        return Math.addExact(dataOffset, dataSize);
    }
}
