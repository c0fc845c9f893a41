package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code qwen2} (src/models/qwen2.cpp): Llama's blocks with q/k/v biases, the query and
 * output {@code n_embd} wide. llama.cpp has no sliding window for it, so Qwen2's optional window is
 * not written.
 */
final class Qwen2Layout {

    private Qwen2Layout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("qwen2", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        long kv = (long) a.kvHeads() * a.headDim();
        g.common(a.intermediateSize(), a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim())
                .u32("rope.dimension_count", a.headDim()).embeddings();
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).attention(i, h, kv, true, false).layer(i, "ffn_norm.weight", h)
                    .denseFfn(i, a.intermediateSize());
        }
        return g.writer();
    }
}
