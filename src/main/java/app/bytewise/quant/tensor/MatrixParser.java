package app.bytewise.quant.tensor;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a small matrix a user pasted (CSV or whitespace-separated text, one row per line) or
 * uploaded as a NumPy {@code .npy} file (format versions 1–3, little-endian float32 or float16,
 * C order, 1-D or 2-D), as the NumPy format specification ({@code numpy.lib.format}) describes.
 */
public final class MatrixParser {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private MatrixParser() {
    }

    public static FloatMatrix csv(String text) {
        List<float[]> rows = new ArrayList<>();
        String[] lines = text.strip().split("\\R");
        for (int line = 0; line < lines.length; line++) {
            String trimmed = lines[line].strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split("[,;\\s]+");
            float[] row = new float[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Float.parseFloat(cells[c]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("values", "Line " + (line + 1) + ", value " + (c + 1) + ": '"
                            + cells[c] + "' is not a number.");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new InvalidInputException("values", "Line " + (line + 1) + " has " + row.length
                        + " values; the first row has " + rows.get(0).length + ".");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("values", "No numbers found.");
        }
        int cols = rows.get(0).length;
        if ((long) rows.size() * cols > FloatMatrix.MAX_ELEMENTS) {
            throw new InvalidInputException("values", "At most 4096 × 4096 values.");
        }
        float[] data = new float[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, data, r * cols, cols);
        }
        return new FloatMatrix(rows.size(), cols, data);
    }

    public static FloatMatrix npy(byte[] file) {
        if (file.length < 10 || !startsWithMagic(file)) {
            throw new InvalidInputException("file", "Not a .npy file (the magic string \\x93NUMPY is missing).");
        }
        int major = file[6] & 0xFF;
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int offset;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xFFFF;
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLength = buffer.getInt(8);
            offset = 12;
        } else {
            throw new InvalidInputException("file", ".npy format version " + major + " is not supported.");
        }
        if (headerLength < 0 || offset + headerLength > file.length) {
            throw new InvalidInputException("file", "The .npy header is truncated.");
        }
        String header = new String(file, offset, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr");
        if (group(FORTRAN, header, "fortran_order").equals("True")) {
            throw new InvalidInputException("file", "Fortran-ordered arrays are not supported; save with C order.");
        }
        long[] shape = shape(group(SHAPE, header, "shape"));
        int rows = shape.length == 1 ? 1 : (int) shape[0];
        int cols = (int) shape[shape.length - 1];
        if ((long) rows * cols > FloatMatrix.MAX_ELEMENTS) {
            throw new InvalidInputException("file", "At most 4096 × 4096 values.");
        }
        int width = switch (descr) {
            case "<f4", "|f4" -> 4;
            case "<f2", "|f2" -> 2;
            default -> throw new InvalidInputException("file", "dtype '" + descr + "' is not supported; use float32 or float16.");
        };
        int start = offset + headerLength;
        if ((long) rows * cols * width > file.length - start) {
            throw new InvalidInputException("file", "The .npy data is shorter than its shape says.");
        }
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = width == 4 ? buffer.getFloat(start + 4 * i) : Float.float16ToFloat(buffer.getShort(start + 2 * i));
        }
        return new FloatMatrix(rows, cols, data);
    }

    private static boolean startsWithMagic(byte[] file) {
        for (int i = 0; i < NPY_MAGIC.length; i++) {
            if (file[i] != NPY_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String group(Pattern pattern, String header, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new InvalidInputException("file", "The .npy header has no '" + key + "'.");
        }
        return m.group(1);
    }

    private static long[] shape(String text) {
        String[] parts = text.split(",");
        List<Long> dims = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                dims.add(Long.parseLong(p.strip()));
            }
        }
        if (dims.isEmpty() || dims.size() > 2 || dims.stream().anyMatch(d -> d < 1)) {
            throw new InvalidInputException("file", "Only 1-D or 2-D non-empty arrays are supported; shape (" + text + ").");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
