package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code falcon} (src/models/falcon.cpp, llama.cpp v0.5.0): LayerNorms with biases, a
 * fused {@code attn_qkv [n_embd, n_embd + 2·n_embd_gqa]} (Falcon-7B: one shared key/value head), an
 * ungated {@code ffn_up}/{@code ffn_down}, no linear biases, and the output the embedding unless an
 * {@code output} is given. The new decoder architecture (40B, 180B) adds {@code attn_norm_2} for its
 * MLP's own LayerNorm ({@code ln_mlp}).
 */
final class FalconLayout {

    private FalconLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("falcon", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        long kv = (long) a.kvHeads() * a.headDim();
        long ff = a.intermediateSize();
        if (g.has("self_attention.query_key_value.bias") || g.has("post_attention_layernorm.weight")) {
            throw new InvalidInputException("model", "llama.cpp's falcon loads no linear biases and only parallel "
                    + "attention, which this Falcon does not have.");
        }
        boolean twoNorms = g.has("ln_mlp.weight");
        g.common(ff, a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim()).layerNormEps().embeddings()
                .tensor("output_norm.bias", h);
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "attn_norm.bias", h);
            if (twoNorms) {
                g.layer(i, "attn_norm_2.weight", h).layer(i, "attn_norm_2.bias", h);
            }
            g.layer(i, "attn_qkv.weight", h, h + 2 * kv).layer(i, "attn_output.weight", h, h)
                    .layer(i, "ffn_up.weight", h, ff).layer(i, "ffn_down.weight", ff, h);
        }
        return g.writer();
    }
}
