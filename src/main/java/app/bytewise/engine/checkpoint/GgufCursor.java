package app.bytewise.engine.checkpoint;

import static app.bytewise.engine.checkpoint.TruncatedHeaderException.bytes;

import app.bytewise.engine.InvalidInputException;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian reads over the uploaded prefix of a GGUF file. Every read first checks that its
 * bytes are there, so a length or count in the file can never make the reader allocate or skip
 * beyond what was uploaded; running out means the prefix is too short, said with how far it got.
 */
final class GgufCursor {

    private final byte[] bytes;
    private final String field;
    private final long uploadLimit;
    private int position;
    private String where = "the file header";
    private long index = -1;
    private long count;

    GgufCursor(byte[] bytes, String field, long uploadLimit) {
        this.bytes = bytes;
        this.field = field;
        this.uploadLimit = uploadLimit;
    }

    /** Names the part being read, for the message if the prefix ends inside it. */
    void at(String part) {
        where = part;
        index = -1;
    }

    /** Part {@code index} (0-based) of {@code count}, e.g. "tensor info 3 of 291", without building a string per part. */
    void at(String part, long index, long count) {
        where = part;
        this.index = index;
        this.count = count;
    }

    private String where() {
        return index < 0 ? where : where + " " + bytes(index + 1) + " of " + bytes(count);
    }

    int position() {
        return position;
    }

    String field() {
        return field;
    }

    /** {@code count} more bytes must be in the prefix; {@code count} may be any non-negative long. */
    void require(long count) {
        if (count > bytes.length - position) {
            throw truncated(count > Long.MAX_VALUE - position ? Long.MAX_VALUE : position + count);
        }
    }

    private InvalidInputException truncated(long needed) {
        String upTo = "the header continues past the " + bytes(bytes.length) + " bytes uploaded (the upload ends in "
                + where() + ")";
        if (needed > uploadLimit) {
            return new InvalidInputException(field, capitalized(upTo) + " and needs at least " + bytes(needed)
                    + " bytes, more than the " + bytes(uploadLimit) + " bytes Bytewise accepts in an upload.");
        }
        long ask = Math.max(needed, bytes.length + 1L);
        return new TruncatedHeaderException(field, capitalized(upTo) + ": upload more, e.g. head -c "
                + TruncatedHeaderException.headSize(ask) + " model.gguf", bytes.length, needed);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    int u8() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    long u16() {
        return little(2);
    }

    long u32() {
        return little(4);
    }

    /** A u64 as a long: values of 2^63 and more come back negative, for the caller to refuse. */
    long u64() {
        return little(8);
    }

    private long little(int size) {
        require(size);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[position + i] & 0xFF);
        }
        position += size;
        return value;
    }

    /**
     * A GGUF string: u64 length, then that many bytes (UTF-8). A length past {@code maxLength}
     * is refused as invalid, one past the prefix as truncation.
     */
    String string(long maxLength, String what) {
        long length = u64();
        checkLength(length, maxLength, what);
        require(length);
        String text = new String(bytes, position, (int) length, StandardCharsets.UTF_8);
        position += (int) length;
        return text;
    }

    /** Skips a string without decoding it. */
    void skipString(long maxLength, String what) {
        long length = u64();
        checkLength(length, maxLength, what);
        skip(length);
    }

    private void checkLength(long length, long maxLength, String what) {
        if (length < 0 || length > maxLength) {
            throw new InvalidInputException(field, capitalized(what) + " has a length of "
                    + TruncatedHeaderException.unsigned(length) + " bytes, over the " + bytes(maxLength)
                    + " a GGUF reader accepts (in " + where() + ").");
        }
    }

    void skip(long count) {
        require(count);
        position += (int) count;
    }
}
