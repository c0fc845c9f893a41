package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code phi3} (src/models/phi3.cpp): fused {@code attn_qkv} and a fused gate/up
 * {@code ffn_up [n_embd, 2·n_ff]}. convert_hf_to_gguf.py writes the config's sliding window
 * (conversion/phi.py), which llama.cpp reads and then disables ("Phi SWA is currently disabled").
 */
final class Phi3Layout {

    private Phi3Layout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("phi3", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        long kv = (long) a.kvHeads() * a.headDim();
        long ff = a.intermediateSize();
        g.common(ff, a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim()).u32("rope.dimension_count", a.headDim())
                .u32("attention.sliding_window", a.slidingWindow()).embeddings();
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "attn_qkv.weight", h, h + 2 * kv)
                    .layer(i, "attn_output.weight", h, h).layer(i, "ffn_norm.weight", h)
                    .layer(i, "ffn_up.weight", h, 2 * ff).layer(i, "ffn_down.weight", ff, h);
        }
        return g.writer();
    }
}
