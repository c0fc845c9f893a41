package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code gemma} (src/models/gemma.cpp): Llama's blocks with head_dim as key/value
 * length (Gemma 7B's 16 × 256 query is wider than its 3072 width) and the output always the
 * embedding ({@code TENSOR_DUPLICATED}), so no {@code output} tensor.
 *
 * <p>llama.cpp's {@code gemma2} and {@code gemma3} (src/models/gemma2.cpp, src/models/gemma3.cpp): a
 * norm before and after both attention and MLP ({@code attn_norm}, {@code post_attention_norm},
 * {@code ffn_norm}, {@code post_ffw_norm}), head_dim given as key/value length, and a sliding window
 * ({@code attention.sliding_window}) on the layers of llama.cpp's default pattern: every other layer
 * from the first for Gemma 2 (pattern 2), five of six for Gemma 3 (pattern 6), as
 * convert_hf_to_gguf.py writes them (conversion/gemma.py writes the window, not the pattern). Gemma 3
 * adds RMSNorms over each query and key head. Gemma 2 always ties the output to the embedding. A
 * multimodal Gemma 3 is written as its language model only: llama.cpp loads the vision tower from a
 * separate mmproj file.
 */
final class GemmaLayout {

    private GemmaLayout() {
    }

    static GgufWriter gemma(Model model) {
        GgufLayout g = new GgufLayout("gemma", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        int headDim = a.headDim();
        g.common(a.intermediateSize(), a.attentionHeads(), a.kvHeads(), headDim, headDim);
        g.tensor("token_embd.weight", h, a.vocabSize()).tensor("output_norm.weight", h);
        boolean bias = g.has("self_attn.q_proj.bias");
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h)
                    .attention(i, (long) a.attentionHeads() * headDim, (long) a.kvHeads() * headDim, bias,
                            g.has("self_attn.o_proj.bias"))
                    .layer(i, "ffn_norm.weight", h).denseFfn(i, a.intermediateSize());
        }
        return g.writer();
    }

    static GgufWriter write(Model model, boolean gemma3) {
        GgufLayout g = new GgufLayout(gemma3 ? "gemma3" : "gemma2", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        int headDim = a.headDim();
        long q = (long) a.attentionHeads() * headDim;
        long kv = (long) a.kvHeads() * headDim;
        g.common(a.intermediateSize(), a.attentionHeads(), a.kvHeads(), headDim, headDim);
        if (a.slidingWindow() > 0) {
            g.u32("attention.sliding_window", a.slidingWindow())
                    .slidingPattern(gemma3 ? 6 : 2, b -> b.attention() instanceof Attention.Sliding);
        }
        g.embeddings();
        boolean bias = g.has("self_attn.q_proj.bias");
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).attention(i, q, kv, bias, g.has("self_attn.o_proj.bias"))
                    .layer(i, "post_attention_norm.weight", h);
            if (gemma3) {
                g.layer(i, "attn_k_norm.weight", headDim).layer(i, "attn_q_norm.weight", headDim);
            }
            g.layer(i, "ffn_norm.weight", h).denseFfn(i, a.intermediateSize()).layer(i, "post_ffw_norm.weight", h);
        }
        return g.writer();
    }
}
