package app.bytewise.quant.gguf;

/** The argument checks of {@link ImatrixCodec#encode(float[], float[])}: rows of whole blocks, one weight per column. */
final class ImatrixRows {

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
}
