package app.bytewise.quant.tensor;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a small matrix a user pasted (CSV or whitespace-separated text, one row per line) or
 * uploaded as a NumPy {@code .npy} file (format versions 1–3, float32 or float16, C order, 1-D or
 * 2-D), as the NumPy format specification ({@code numpy.lib.format}) describes. Each side is at
 * most {@link FloatMatrix#MAX_SIDE}, the lab's bound.
 */
public final class MatrixParser {

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
            if (row.length > FloatMatrix.MAX_SIDE) {
                throw new InvalidInputException("values", "Line " + (line + 1) + " has " + row.length
                        + " values; a row may have at most " + FloatMatrix.MAX_SIDE + ".");
            }
            if (rows.size() == FloatMatrix.MAX_SIDE) {
                throw new InvalidInputException("values", "More than " + FloatMatrix.MAX_SIDE + " rows; at most "
                        + FloatMatrix.MAX_SIDE + " × " + FloatMatrix.MAX_SIDE + " values.");
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
        float[] data = new float[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, data, r * cols, cols);
        }
        return new FloatMatrix(rows.size(), cols, data);
    }

    /** Reads a {@code .npy} file whose header {@link NpyHeader} has checked, shape and data length included. */
    public static FloatMatrix npy(byte[] file) {
        NpyHeader header = NpyHeader.read(file);
        ByteBuffer buffer = ByteBuffer.wrap(file).order(header.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int start = header.dataOffset();
        float[] data = new float[header.rows() * header.cols()];
        for (int i = 0; i < data.length; i++) {
            data[i] = header.width() == 4 ? buffer.getFloat(start + 4 * i) : Float.float16ToFloat(buffer.getShort(start + 2 * i));
        }
        return new FloatMatrix(header.rows(), header.cols(), data);
    }
}
