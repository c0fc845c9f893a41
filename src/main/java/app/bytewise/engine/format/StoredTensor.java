package app.bytewise.engine.format;

import java.util.List;

/**
 * One tensor as a checkpoint file stores it: its name (with {@code {layer}}/{@code {expert}} for a
 * group's copies), dtype and shape, e.g. {@code …q_a_proj.weight_scale_inv F32 [12, 56]}.
 *
 * @param fp4Codes U8 bytes that each pack two FP4 codes (MXFP4 {@code _blocks})
 */
public record StoredTensor(String name, StoredDtype dtype, List<Long> shape, boolean fp4Codes) {

    public StoredTensor {
        shape = List.copyOf(shape);
    }

    public StoredTensor(String name, StoredDtype dtype, List<Long> shape) {
        this(name, dtype, shape, false);
    }

    public long elements() {
        long product = 1;
        for (long d : shape) {
            product = Math.multiplyExact(product, d);
        }
        return product;
    }

    public long bytes() {
        return Math.multiplyExact(elements(), dtype.bytes());
    }
}
