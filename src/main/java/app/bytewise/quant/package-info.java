/**
 * The quantization library: number formats and quantization methods applied for real to small
 * tensors (encode to the stored bits, decode back), with measured error. Pure Java. Sub-packages:
 * {@code number} (FP16, BF16, FP8), {@code gguf} (llama.cpp block formats), {@code bnb}
 * (bitsandbytes NF4/FP4), {@code tensor} (matrices and seeded generators), {@code metric} (error
 * measures and histograms), {@code method} (RTN, GPTQ, AWQ, LLM.int8(), SmoothQuant, KIVI).
 */
package app.bytewise.quant;
