/**
 * llama.cpp's GGUF block quantization formats (Q4_0 … Q6_K, IQ4_NL, Q8_K), byte-exact with ggml's
 * reference quantizers in {@code ggml-quants.c}. Each format is one small codec class; the
 * rounding primitives, fp16 I/O and the k-quant scale searches are shared package-private helpers.
 * Arithmetic is plain float32 in ggml's operation order (never fused), which is what makes the
 * outputs bit-identical.
 */
package app.bytewise.quant.gguf;
