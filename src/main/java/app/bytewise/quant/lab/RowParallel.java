package app.bytewise.quant.lab;

import app.bytewise.quant.BlockCodec;
import app.bytewise.quant.gguf.ImatrixCodec;
import app.bytewise.quant.tensor.FloatMatrix;
import java.util.stream.IntStream;

/**
 * Encodes a matrix with a block codec on all cores: rows are split into one chunk per core (rows
 * are whole numbers of blocks, so chunks encode independently) and the bytes concatenated. The
 * result is the same as one {@code codec.encode} over the flattened matrix.
 */
public final class RowParallel {

    private RowParallel() {
    }

    public static byte[] encode(BlockCodec codec, FloatMatrix w) {
        return encode(codec, w, null);
    }

    /** As {@link #encode(BlockCodec, FloatMatrix)}, each column weighted by {@code importance} (one per column). */
    public static byte[] encode(ImatrixCodec codec, FloatMatrix w, float[] importance) {
        if (importance.length != w.cols()) {
            throw new IllegalArgumentException(importance.length + " importances for " + w.cols() + " columns");
        }
        return encode((BlockCodec) codec, w, importance);
    }

    private static byte[] encode(BlockCodec codec, FloatMatrix w, float[] importance) {
        int cols = w.cols();
        if (cols % codec.blockSize() != 0) {
            throw new IllegalArgumentException("rows of " + cols + " are not whole blocks of " + codec.blockSize());
        }
        int rowBytes = cols / codec.blockSize() * codec.bytesPerBlock();
        int chunks = Math.min(w.rows(), Runtime.getRuntime().availableProcessors() * 4);
        byte[] out = new byte[w.rows() * rowBytes];
        float[] data = w.data();
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) w.rows() * c / chunks);
            int to = (int) ((long) w.rows() * (c + 1) / chunks);
            float[] part = new float[(to - from) * cols];
            System.arraycopy(data, from * cols, part, 0, part.length);
            byte[] encoded = importance == null ? codec.encode(part) : ((ImatrixCodec) codec).encode(part, importance);
            System.arraycopy(encoded, 0, out, from * rowBytes, encoded.length);
        });
        return out;
    }
}
