package app.bytewise.engine.format;

import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;

/** Byte arithmetic shared by the formats. */
final class StorageMath {

    /** Tensors a scheme leaves unquantized are kept at 16 bits (BF16/FP16), as the checkpoints ship them. */
    static final int UNQUANTIZED_BYTES = 2;
    static final String UNQUANTIZED_TYPE = "BF16";

    private StorageMath() {
    }

    /** Bytes of {@code bits}-wide codes, each row packed on its own (rows never share a byte). */
    static long packedRowBytes(Tensor t, int bits) {
        return Math.multiplyExact(t.rows(), ceilDiv(Math.multiplyExact(t.rowLength(), bits), 8));
    }

    static long ceilDiv(long a, long b) {
        return Math.ceilDiv(a, b);
    }

    static GroupStorage unquantized(TensorGroup g) {
        return new GroupStorage(g, UNQUANTIZED_TYPE, Math.multiplyExact(g.first().elements(), UNQUANTIZED_BYTES));
    }
}
