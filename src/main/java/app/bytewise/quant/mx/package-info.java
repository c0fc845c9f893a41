/**
 * Scaled low-precision float formats outside GGUF, as checkpoints store them: OCP Microscaling
 * (MXFP4, MXFP6, MXFP8; 32 elements per E8M0 scale), NVIDIA NVFP4 (16 E2M1 per E4M3 scale plus an
 * FP32 per-tensor scale) and DeepSeek-V3's FP8 with one FP32 scale per 128 × 128 block. Each is one
 * small class encoding to the stored bytes and decoding them, with its spec and reference cited.
 */
package app.bytewise.quant.mx;
