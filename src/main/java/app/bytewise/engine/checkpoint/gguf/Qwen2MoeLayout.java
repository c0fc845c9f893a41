package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import app.bytewise.engine.model.Model;
import java.util.List;

/**
 * llama.cpp's {@code qwen2moe} (src/models/qwen2moe.cpp, llama.cpp v0.5.0): Qwen2's attention with
 * q/k/v biases and, in every layer, {@code expert_count} routed experts of
 * {@code expert_feed_forward_length} plus one shared expert of
 * {@code expert_shared_feed_forward_length} behind a sigmoid gate {@code ffn_gate_inp_shexp [n_embd]}.
 * Its output is never tied: {@code load_arch_tensors} requires {@code output}.
 */
final class Qwen2MoeLayout {

    private Qwen2MoeLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("qwen2moe", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        long kv = (long) a.kvHeads() * a.headDim();
        List<LayerBlock> layers = g.layers();
        Mlp.Moe moe = layers.stream().map(LayerBlock::mlp).filter(m -> m instanceof Mlp.Moe).map(m -> (Mlp.Moe) m)
                .findFirst().orElseThrow(() -> new IllegalStateException("qwen2moe routes every layer"));
        g.common(a.intermediateSize(), a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim())
                .u32("rope.dimension_count", a.headDim()).u32("expert_count", moe.experts())
                .u32("expert_used_count", moe.perToken()).u32("expert_feed_forward_length", moe.expertIntermediate())
                .u32("expert_shared_feed_forward_length", moe.sharedIntermediate()).embeddings();
        boolean bias = g.has("self_attn.q_proj.bias");
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i).mlp() instanceof Mlp.Moe m)) {
                throw new IllegalStateException("llama.cpp's qwen2moe routes every layer");
            }
            g.layer(i, "attn_norm.weight", h).attention(i, h, kv, bias, false).layer(i, "ffn_norm.weight", h)
                    .experts(i, m.experts(), m.expertIntermediate()).layer(i, "ffn_gate_inp_shexp.weight", h)
                    .sharedExpert(i, m.sharedIntermediate());
        }
        return g.writer();
    }
}
