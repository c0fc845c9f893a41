package app.bytewise.quant.tensor;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checked header of a NumPy {@code .npy} file, as the format specification
 * ({@code numpy.lib.format}) defines it: the magic string {@code \x93NUMPY}, a version byte pair
 * (1.0, 2.0 or 3.0), the header length (2 bytes little-endian in 1.0, 4 in 2.0 and 3.0), then a
 * Python dictionary literal with exactly the keys {@code descr}, {@code fortran_order} and
 * {@code shape}, ended by a newline. Every field is checked before a single value is read, so a
 * damaged or hostile file is refused with the reason and nothing is allocated for its shape.
 *
 * @param dataOffset where the values start
 * @param width bytes per value: 4 for float32, 2 for float16
 * @param bigEndian whether the values are stored big-endian ({@code >f4}, {@code >f2})
 */
public record NpyHeader(int dataOffset, int rows, int cols, int width, boolean bigEndian) {

    /** NumPy's own reader refuses longer headers ({@code numpy.lib.format._MAX_HEADER_SIZE}). */
    static final int MAX_HEADER_BYTES = 10_000;
    static final String ACCEPTED_DTYPES = "'<f4', '>f4' (float32), '<f2', '>f2' (float16)";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Reads and checks the header of {@code file}, including that the data is exactly as long as the shape says. */
    public static NpyHeader read(byte[] file) {
        if (file.length < MAGIC.length || !startsWithMagic(file)) {
            throw bad("Not a .npy file: it does not start with the magic string \\x93NUMPY.");
        }
        if (file.length < 10) {
            throw bad("The file ends inside the .npy preamble (" + file.length + " bytes).");
        }
        int major = file[6] & 0xFF;
        int minor = file[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw bad(".npy format version " + major + "." + minor + " is not supported; versions 1.0, 2.0 and 3.0 are.");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        if (file.length < 8 + lengthBytes) {
            throw bad("The file ends inside the .npy header length.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? buffer.getShort(8) & 0xFFFF : Integer.toUnsignedLong(buffer.getInt(8));
        int offset = 8 + lengthBytes;
        if (headerLength > MAX_HEADER_BYTES) {
            throw bad(String.format(Locale.ROOT, "The .npy header length %,d is over the %,d bytes NumPy itself reads.",
                    headerLength, MAX_HEADER_BYTES));
        }
        if (offset + headerLength > file.length) {
            throw bad("The .npy header says " + headerLength + " bytes, but only " + (file.length - offset)
                    + " follow its length field.");
        }
        String text = new String(file, offset, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!text.endsWith("\n")) {
            throw bad("The .npy header does not end with a newline, so its length field is wrong or the file is damaged.");
        }
        Map<String, Object> dict = new DictReader(text).read();
        int dataOffset = offset + (int) headerLength;
        return of(dict, dataOffset, file.length - (long) dataOffset);
    }

    private static NpyHeader of(Map<String, Object> dict, int dataOffset, long dataBytes) {
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw bad("The .npy header has no '" + key + "'.");
            }
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw bad("The .npy header's 'descr' must be a string such as '<f4'.");
        }
        int width;
        boolean bigEndian;
        switch (descr) {
            case "<f4" -> { width = 4; bigEndian = false; }
            case ">f4" -> { width = 4; bigEndian = true; }
            case "<f2" -> { width = 2; bigEndian = false; }
            case ">f2" -> { width = 2; bigEndian = true; }
            default -> throw bad("dtype '" + descr + "' is not supported; accepted: " + ACCEPTED_DTYPES + ".");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw bad("The .npy header's 'fortran_order' must be True or False.");
        }
        if (fortran) {
            throw bad("The array is in Fortran (column-major) order; save it in C order (np.ascontiguousarray) first.");
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw bad("The .npy header's 'shape' must be a tuple of integers.");
        }
        String shown = shape(shape);
        if (shape.length == 0 || shape.length > 2) {
            throw bad("shape " + shown + " has " + shape.length + " dimensions; only 1-D or 2-D arrays can be quantized here.");
        }
        for (long d : shape) {
            if (d < 1) {
                throw bad("shape " + shown + " has an empty dimension; every dimension must be at least 1.");
            }
            if (d > FloatMatrix.MAX_SIDE) {
                throw bad("shape " + shown + " is too large: each dimension may be at most " + FloatMatrix.MAX_SIDE + ".");
            }
        }
        int rows = shape.length == 1 ? 1 : (int) shape[0];
        int cols = (int) shape[shape.length - 1];
        long needed = Math.multiplyExact(Math.multiplyExact((long) rows, cols), width); // sides ≤ 4096: cannot overflow
        if (dataBytes != needed) {
            throw bad(String.format(Locale.ROOT, "The .npy data holds %,d bytes; shape %s of %s needs exactly %,d.",
                    dataBytes, shown, width == 4 ? "float32" : "float16", needed));
        }
        return new NpyHeader(dataOffset, rows, cols, width, bigEndian);
    }

    private static boolean startsWithMagic(byte[] file) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (file[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String shape(long[] dims) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(dims.length == 1 ? ",)" : ")").toString();
    }

    static InvalidInputException bad(String message) {
        return new InvalidInputException("file", message);
    }

    /**
     * The dictionary literal numpy writes ({@code repr} of a dict): string keys, a string, a
     * boolean and a tuple of integers as values, an optional trailing comma, then spaces and the
     * newline. Anything else is refused rather than guessed at.
     */
    private static final class DictReader {
        private final String text;
        private int at;

        DictReader(String text) {
            this.text = text;
        }

        Map<String, Object> read() {
            Map<String, Object> dict = new HashMap<>();
            skipSpace();
            expect('{');
            skipSpace();
            while (peek() != '}') {
                String key = string();
                if (!List.of("descr", "fortran_order", "shape").contains(key)) {
                    throw bad("The .npy header has an unexpected key '" + key
                            + "'; it holds only 'descr', 'fortran_order' and 'shape'.");
                }
                skipSpace();
                expect(':');
                skipSpace();
                Object value = switch (peek()) {
                    case '\'', '"' -> string();
                    case '(' -> tuple();
                    default -> bool();
                };
                if (dict.put(key, value) != null) {
                    throw bad("The .npy header gives '" + key + "' twice.");
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw syntax("',' or '}'");
                }
            }
            at++;
            if (!text.substring(at).isBlank()) {
                throw bad("The .npy header has text after its dictionary.");
            }
            return dict;
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw syntax("a quoted string");
            }
            int end = text.indexOf(quote, at + 1);
            if (end < 0) {
                throw syntax("the closing quote");
            }
            String s = text.substring(at + 1, end);
            at = end + 1;
            return s;
        }

        private Boolean bool() {
            for (String word : List.of("True", "False")) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("True");
                }
            }
            throw syntax("True, False, a string or a tuple");
        }

        /** A tuple of non-negative integers; Python 2's {@code L} suffix, as old numpy wrote it, is allowed. */
        private long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            skipSpace();
            while (peek() != ')') {
                int start = at;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                if (at == start) {
                    throw syntax("a non-negative integer in 'shape'");
                }
                String digits = text.substring(start, at);
                // 18 digits always fit a long; anything longer is far beyond the caps anyway.
                dims.add(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
                if (peek() == 'L') {
                    at++;
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                    skipSpace();
                } else if (peek() != ')') {
                    throw syntax("',' or ')' in 'shape'");
                }
            }
            at++;
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private void expect(char c) {
            if (peek() != c) {
                throw syntax("'" + c + "'");
            }
            at++;
        }

        private char peek() {
            if (at >= text.length()) {
                throw bad("The .npy header ends in the middle of its dictionary.");
            }
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private InvalidInputException syntax(String expected) {
            return bad("The .npy header is not a dictionary literal numpy writes: expected " + expected
                    + " at character " + (at + 1) + ".");
        }
    }
}
