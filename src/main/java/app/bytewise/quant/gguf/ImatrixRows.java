package app.bytewise.quant.gguf;

/**
 * The row loop and argument checks of {@link ImatrixCodec#encode(float[], float[])}: rows of whole
 * blocks, one weight per column, as {@code quantize_<type>(src, dst, nrow, n_per_row, imatrix)}
 * takes them; each codec states only how one row is encoded.
 */
final class ImatrixRows {

    /** Encodes {@code blocks} blocks of {@code x} from {@code xo} into {@code out} from {@code oo}, column j weighted by {@code importance[j]} (or none: null). */
    @FunctionalInterface
    interface RowEncoder {
        void encode(float[] x, int xo, int blocks, float[] importance, byte[] out, int oo);
    }

    private ImatrixRows() {
    }

    /** The number of rows of {@code importance.length} values in {@code values}, as {@code quantize_<type>} takes them. */
    static int count(ImatrixCodec codec, float[] values, float[] importance) {
        int perRow = importance.length;
        if (perRow == 0 || perRow % codec.blockSize() != 0) {
            throw new IllegalArgumentException(codec.name() + " rows are whole blocks of " + codec.blockSize()
                    + " values, but the importance matrix has " + perRow + " columns");
        }
        if (values.length % perRow != 0) {
            throw new IllegalArgumentException(codec.name() + ": " + values.length + " values are not whole rows of "
                    + perRow + " columns");
        }
        return values.length / perRow;
    }

    /** {@link ImatrixCodec#encode(float[], float[])} of a codec whose rows {@code row} encodes. */
    static byte[] encode(ImatrixCodec codec, float[] values, float[] importance, RowEncoder row) {
        int rows = count(codec, values, importance);
        int blocks = importance.length / codec.blockSize();
        int rowBytes = Math.multiplyExact(blocks, codec.bytesPerBlock());
        byte[] out = new byte[Math.multiplyExact(rows, rowBytes)];
        for (int r = 0; r < rows; r++) {
            row.encode(values, r * importance.length, blocks, importance, out, r * rowBytes);
        }
        return out;
    }

    /**
     * {@code nb} blocks of {@code x} with every importance 1 (what a type that requires an imatrix
     * gets without one), each block as a row of its own: ggml quantizes blocks independently, so
     * one block's worth of ones serves every block.
     */
    static void encodeUniform(ImatrixCodec codec, float[] x, int nb, byte[] out, RowEncoder row) {
        float[] ones = new float[codec.blockSize()];
        java.util.Arrays.fill(ones, 1f);
        for (int b = 0; b < nb; b++) {
            row.encode(x, b * codec.blockSize(), 1, ones, out, b * codec.bytesPerBlock());
        }
    }
}
