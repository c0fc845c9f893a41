package app.bytewise.oracle.llamacpp;

import app.bytewise.engine.checkpoint.GgufTensorType;
import app.bytewise.engine.checkpoint.GgufWriter;

/**
 * A GGUF of llama.cpp's {@code llama} architecture with no tokenizer and no weights, only shapes:
 * the keys {@code llama_model_llama::load_arch_hparams} and the loader's common hparams read, and
 * the tensors {@code load_arch_tensors} creates, in its ne order (ne0 = the input width), names from
 * {@code LLM_TENSOR_NAMES} (src/models/llama.cpp, src/llama-model.cpp, src/llama-arch.cpp,
 * llama.cpp v0.5.0). Matrices are F16, norms F32, as convert_hf_to_gguf.py writes an f16 model.
 *
 * @param ffn feed_forward_length
 */
record LlamaGguf(int hidden, int layers, int heads, int kvHeads, int ffn, int vocab, int contextLength) {

    /** Llama-2-7B's config.json: 4096 hidden, 32 layers of 32 heads (no GQA), 11008 FFN, 32000 tokens. */
    static final LlamaGguf LLAMA_2_7B = new LlamaGguf(4096, 32, 32, 32, 11008, 32000, 4096);

    GgufWriter writer() {
        int headDim = hidden / heads;
        int kvWidth = headDim * kvHeads;
        GgufWriter w = new GgufWriter()
                .string("general.architecture", "llama")
                .u32("llama.context_length", contextLength)
                .u32("llama.embedding_length", hidden)
                .u32("llama.block_count", layers)
                .u32("llama.feed_forward_length", ffn)
                .u32("llama.attention.head_count", heads)
                .u32("llama.attention.head_count_kv", kvHeads)
                .u32("llama.rope.dimension_count", headDim)
                .f32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .u32("llama.vocab_size", vocab)
                // LLAMA_VOCAB_TYPE_NONE: llama.cpp then needs no token list, only vocab_size.
                .string("tokenizer.ggml.model", "none");
        GgufTensorType f16 = GgufTensorType.F16;
        GgufTensorType f32 = GgufTensorType.F32;
        w.tensor("token_embd.weight", f16, hidden, vocab)
                .tensor("output_norm.weight", f32, hidden)
                .tensor("output.weight", f16, hidden, vocab);
        for (int i = 0; i < layers; i++) {
            String blk = "blk." + i + ".";
            w.tensor(blk + "attn_norm.weight", f32, hidden)
                    .tensor(blk + "attn_q.weight", f16, hidden, hidden)
                    .tensor(blk + "attn_k.weight", f16, hidden, kvWidth)
                    .tensor(blk + "attn_v.weight", f16, hidden, kvWidth)
                    .tensor(blk + "attn_output.weight", f16, hidden, hidden)
                    .tensor(blk + "ffn_norm.weight", f32, hidden)
                    .tensor(blk + "ffn_gate.weight", f16, hidden, ffn)
                    .tensor(blk + "ffn_up.weight", f16, hidden, ffn)
                    .tensor(blk + "ffn_down.weight", f16, ffn, hidden);
        }
        return w;
    }
}
