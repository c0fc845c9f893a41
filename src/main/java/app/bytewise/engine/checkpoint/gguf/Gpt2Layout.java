package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code gpt2} and {@code gptneox} (src/models/gpt2.cpp, src/models/gptneox.cpp,
 * llama.cpp v0.5.0), the same blocks: LayerNorms with biases, a fused {@code attn_qkv} with its bias,
 * biased output projection and ungated biased MLP. GPT-2 adds learned positions
 * ({@code position_embd [n_embd, n_ctx_train]}) and ties its output to the embedding; GPT-NeoX requires
 * {@code output} and {@code use_parallel_residual}.
 */
final class Gpt2Layout {

    private Gpt2Layout() {
    }

    static GgufWriter write(Model model, boolean neox) {
        GgufLayout g = new GgufLayout(neox ? "gptneox" : "gpt2", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        long qkv = h + 2L * a.kvHeads() * a.headDim();
        long ff = a.intermediateSize();
        g.common(ff, a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim()).layerNormEps();
        if (neox) {
            // Required, but shapes no memory; GPT-NeoX's default. rope.dimension_count (rotary_pct of head_dim)
            // is left to llama.cpp's default, head_dim: the cache holds whole heads either way.
            g.bool("use_parallel_residual", true);
        }
        g.embeddings().tensor("output_norm.bias", h);
        if (!neox) {
            g.tensor("position_embd.weight", h, a.maxPositions());
        }
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "attn_norm.bias", h).layer(i, "attn_qkv.weight", h, qkv)
                    .layer(i, "attn_qkv.bias", qkv).layer(i, "attn_output.weight", h, h).layer(i, "attn_output.bias", h)
                    .layer(i, "ffn_norm.weight", h).layer(i, "ffn_norm.bias", h).layer(i, "ffn_down.weight", ff, h)
                    .layer(i, "ffn_down.bias", h).layer(i, "ffn_up.weight", h, ff).layer(i, "ffn_up.bias", ff);
        }
        return g.writer();
    }
}
