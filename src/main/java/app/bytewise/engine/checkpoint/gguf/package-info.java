/**
 * Catalog models as the GGUF headers llama.cpp (v0.5.0) would load: one small class per llama.cpp
 * architecture, each writing the keys its {@code load_arch_hparams} reads and the tensors its
 * {@code load_arch_tensors} creates (src/models/*.cpp). Pure Java.
 */
package app.bytewise.engine.checkpoint.gguf;
