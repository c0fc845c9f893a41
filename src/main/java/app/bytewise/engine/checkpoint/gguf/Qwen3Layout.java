package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import app.bytewise.engine.model.Model;
import java.util.List;

/**
 * llama.cpp's {@code qwen3} and {@code qwen3moe} (src/models/qwen3.cpp, src/models/qwen3moe.cpp):
 * attention with an RMSNorm over each query and key head ({@code attn_q_norm}, {@code attn_k_norm},
 * {@code [head_dim]}); Qwen3-MoE's layers route to {@code expert_count} experts of
 * {@code expert_feed_forward_length}, its dense {@code feed_forward_length} unused by them.
 */
final class Qwen3Layout {

    private Qwen3Layout() {
    }

    static GgufWriter write(Model model, boolean moe) {
        GgufLayout g = new GgufLayout(moe ? "qwen3moe" : "qwen3", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        int headDim = a.headDim();
        long q = (long) a.attentionHeads() * headDim;
        long kv = (long) a.kvHeads() * headDim;
        List<LayerBlock> layers = g.layers();
        long dense = layers.stream().map(LayerBlock::mlp).filter(m -> m instanceof Mlp.Dense)
                .mapToLong(m -> ((Mlp.Dense) m).intermediate()).findFirst().orElse(a.intermediateSize());
        g.common(dense, a.attentionHeads(), a.kvHeads(), headDim, headDim).u32("rope.dimension_count", headDim);
        if (moe) {
            g.u32("expert_count", a.experts()).u32("expert_used_count", a.expertsPerToken())
                    .u32("expert_feed_forward_length", a.intermediateSize());
        }
        g.embeddings();
        boolean bias = g.has("self_attn.q_proj.bias");
        for (int i = 0; i < layers.size(); i++) {
            g.layer(i, "attn_norm.weight", h).attention(i, q, kv, bias, g.has("self_attn.o_proj.bias"))
                    .layer(i, "attn_k_norm.weight", headDim).layer(i, "attn_q_norm.weight", headDim)
                    .layer(i, "ffn_norm.weight", h);
            switch (layers.get(i).mlp()) {
                case Mlp.Moe m when moe -> g.experts(i, m.experts(), m.expertIntermediate());
                case Mlp.Dense d when !moe -> g.denseFfn(i, d.intermediate());
                default -> throw new IllegalStateException("llama.cpp's " + (moe ? "qwen3moe routes every layer"
                        : "qwen3 has dense layers only"));
            }
        }
        return g.writer();
    }
}
