package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code phimoe} (src/models/phimoe.cpp, llama.cpp v0.5.0): LayerNorms with biases
 * (attention, MLP and output norms), separate q/k/v with biases, a required {@code attn_output.bias}
 * and {@code output.bias}, and Mixtral's routed experts in every layer. The LongRoPE factors
 * ({@code rope_factors_long/short}, head_dim / 2 each) are optional and shape no cache, so they are
 * left out, as Llama 3.1's {@code rope_freqs} is. llama.cpp reads no sliding window for it.
 */
final class PhiMoeLayout {

    private PhiMoeLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("phimoe", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        long kv = (long) a.kvHeads() * a.headDim();
        g.common(a.intermediateSize(), a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim())
                .u32("rope.dimension_count", a.headDim()).u32("expert_count", a.experts())
                .u32("expert_used_count", a.expertsPerToken()).embeddings().tensor("output_norm.bias", h)
                .tensor("output.bias", a.vocabSize());
        boolean bias = g.has("self_attn.q_proj.bias");
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "attn_norm.bias", h).attention(i, h, kv, bias, true)
                    .layer(i, "ffn_norm.weight", h).layer(i, "ffn_norm.bias", h)
                    .experts(i, a.experts(), a.intermediateSize());
        }
        return g.writer();
    }
}
