package app.bytewise.engine.checkpoint;

import static app.bytewise.engine.checkpoint.TruncatedHeaderException.bytes;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .safetensors} file: 8 bytes little-endian u64 N, then N bytes of UTF-8
 * JSON (huggingface/safetensors README, "Format"). Read from the first bytes of a file and checked
 * as {@code SafeTensors::read_metadata} and {@code Metadata::validate} in safetensors/src/tensor.rs
 * check it (commit 24b0b2857fef49be734b9ab72ce97c09bb25f5b9), except the file's total length,
 * which a prefix cannot show: compare {@link #fileSize()} with the real file instead.
 *
 * @param headerSize N, the JSON's length in bytes
 * @param tensors sorted by data offset, as the reference reader sorts them
 */
public record SafetensorsHeader(long headerSize, Map<String, String> metadata, List<SafetensorsTensor> tensors)
        implements CheckpointHeader {

    /** {@code MAX_HEADER_SIZE} in safetensors/src/tensor.rs: the reference reader refuses longer headers. */
    public static final int MAX_HEADER_SIZE = 100_000_000;
    private static final int LENGTH_BYTES = Long.BYTES;

    public SafetensorsHeader {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** Reads a header from the first bytes of a file, accepting headers up to {@link #MAX_HEADER_SIZE}. */
    public static SafetensorsHeader read(byte[] prefix, String field) {
        return read(prefix, field, (long) MAX_HEADER_SIZE + LENGTH_BYTES);
    }

    /**
     * @param uploadLimit the most bytes the caller accepts from a user; a header that needs more is
     *     refused with a message that says so, rather than asking for an upload that would fail
     */
    public static SafetensorsHeader read(byte[] prefix, String field, long uploadLimit) {
        if (prefix == null || prefix.length < LENGTH_BYTES) {
            int got = prefix == null ? 0 : prefix.length;
            throw new TruncatedHeaderException(field, "A safetensors file begins with an 8-byte header length; "
                    + "only " + got + " bytes were uploaded: upload at least the first 1M, e.g. head -c 1M model.safetensors",
                    got, LENGTH_BYTES);
        }
        long length = littleEndianLong(prefix);
        if (length < 0 || length > MAX_HEADER_SIZE) {
            throw new InvalidInputException(field, "The first 8 bytes give a header length of "
                    + TruncatedHeaderException.unsigned(length) + " bytes; safetensors refuses headers over "
                    + bytes(MAX_HEADER_SIZE) + " bytes (MAX_HEADER_SIZE in the reference reader)."
                    + (startsWithGguf(prefix) ? " This is a GGUF file, not safetensors." : " Is this a safetensors file?"));
        }
        long needed = LENGTH_BYTES + length;
        if (needed > uploadLimit) {
            throw new InvalidInputException(field, "The header is " + bytes(length) + " bytes, more than the "
                    + bytes(uploadLimit) + " bytes Bytewise accepts in an upload.");
        }
        if (needed > prefix.length) {
            throw new TruncatedHeaderException(field, "The header is " + bytes(length) + " bytes; upload at least the "
                    + "first " + bytes(needed) + " bytes: head -c " + TruncatedHeaderException.headSize(needed)
                    + " model.safetensors", prefix.length, needed);
        }
        SafetensorsJson.Parsed parsed = SafetensorsJson.parse(prefix, LENGTH_BYTES, (int) length, field);
        List<SafetensorsTensor> sorted = new ArrayList<>(parsed.tensors());
        sorted.sort(Comparator.comparingLong(SafetensorsTensor::begin).thenComparingLong(SafetensorsTensor::end));
        validate(sorted, field);
        return new SafetensorsHeader(length, parsed.metadata(), sorted);
    }

    /**
     * {@code Metadata::validate}: the tensors, in offset order, tile the data from byte 0 with no
     * gap or overlap (the README: "cannot contain holes"), and each spans exactly shape × dtype bits.
     */
    private static void validate(List<SafetensorsTensor> tensors, String field) {
        long start = 0;
        long elements = 0;
        for (SafetensorsTensor tensor : tensors) {
            if (tensor.end() < tensor.begin()) {
                throw new InvalidInputException(field, label(tensor) + " has data_offsets [" + tensor.begin() + ", "
                        + tensor.end() + "]: the end comes before the begin.");
            }
            if (tensor.begin() != start) {
                String problem = tensor.begin() < start ? "overlaps the tensor before it, which ends at "
                        : "leaves a gap after the tensor before it, which ends at ";
                throw new InvalidInputException(field, label(tensor) + " starts at byte " + bytes(tensor.begin()) + " and "
                        + problem + bytes(start) + "; safetensors data must be contiguous, without holes or overlaps.");
            }
            start = tensor.end();
            if (start > Long.MAX_VALUE - LENGTH_BYTES - MAX_HEADER_SIZE) {
                throw new InvalidInputException(field, label(tensor) + " ends at byte " + bytes(start)
                        + ", past the largest file Bytewise handles (2^63 bytes).");
            }
            long bits;
            try {
                bits = Math.multiplyExact(tensor.elements(), tensor.dtype().bits());
                elements = Math.addExact(elements, tensor.elements());
            } catch (ArithmeticException overflow) {
                throw new InvalidInputException(field, label(tensor) + " has shape " + tensor.shape()
                        + ", more elements than a file can hold (the product passes 2^63).");
            }
            if (bits % 8 != 0) {
                throw new InvalidInputException(field, label(tensor) + " has " + bytes(tensor.elements()) + " "
                        + tensor.dtype() + " values, which do not fill whole bytes.");
            }
            if (tensor.bytes() != bits / 8) {
                throw new InvalidInputException(field, label(tensor) + " is " + tensor.dtype() + " " + tensor.shape()
                        + ", which takes " + bytes(bits / 8) + " bytes, but its data_offsets span "
                        + bytes(tensor.bytes()) + ".");
            }
        }
    }

    private static String label(SafetensorsTensor tensor) {
        return "Tensor \"" + HeaderJson.shorten(tensor.name()) + "\"";
    }

    /** Where the tensor data begins in the file. */
    public long dataOffset() {
        return LENGTH_BYTES + headerSize;
    }

    /** Bytes of tensor data: the end of the last tensor, since the data has no holes. */
    public long dataSize() {
        return tensors.isEmpty() ? 0 : tensors.getLast().end();
    }

    /** The length the whole file must have; the reference reader refuses a file of any other length. */
    public long fileSize() {
        return dataOffset() + dataSize();
    }

    public Map<SafetensorsDtype, Long> bytesByDtype() {
        Map<SafetensorsDtype, Long> totals = new LinkedHashMap<>();
        for (SafetensorsTensor tensor : tensors) {
            totals.merge(tensor.dtype(), tensor.bytes(), Math::addExact);
        }
        return totals;
    }

    private static long littleEndianLong(byte[] bytes) {
        long value = 0;
        for (int i = LENGTH_BYTES - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    private static boolean startsWithGguf(byte[] bytes) {
        return bytes[0] == 'G' && bytes[1] == 'G' && bytes[2] == 'U' && bytes[3] == 'F';
    }
}
