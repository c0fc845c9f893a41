/**
 * bitsandbytes 4-bit formats, bit-exact: NF4 and FP4 blockwise quantization (blocksize 64, one
 * float32 absmax per block, two codes per byte with the first element in the high nibble) and the
 * double quantization of the absmax values ({@code compress_statistics=True}). The primary
 * semantics are the CUDA kernels ({@code kQuantizeBlockwise}, {@code kDequantizeBlockwise}); the
 * torch default/CPU backend, which differs at ties and zero blocks, is available as
 * {@link app.bytewise.quant.bnb.Backend#TORCH_DEFAULT}.
 */
package app.bytewise.quant.bnb;
