package app.bytewise.quant.gguf;

import app.bytewise.quant.BlockCodec;

/**
 * A ggml type whose quantizer weighs every column by an importance matrix, the per-column mean of
 * squared layer inputs that {@code llama-imatrix} writes: ggml's
 * {@code quantize_<type>(src, dst, nrow, n_per_row, quant_weights)} (ggml/src/ggml-quants.c).
 */
public interface ImatrixCodec extends BlockCodec {

    /**
     * Encodes rows of {@code importance.length} values each (a multiple of {@link #blockSize()}, and
     * {@code values.length} a multiple of it), column {@code j} of every row weighted by
     * {@code importance[j]}, as {@code quantize_<type>} does with that importance matrix.
     */
    byte[] encode(float[] values, float[] importance);

    /**
     * ggml's {@code ggml_quantize_requires_imatrix}: true for IQ2_XXS, IQ2_XS and IQ1_S, which ggml
     * refuses to quantize without one; their {@link #encode(float[])} uses a uniform importance of 1.
     * The others' {@link #encode(float[])} is ggml's {@code quantize_row_<type>_ref} (no importance).
     */
    boolean requiresImatrix();
}
