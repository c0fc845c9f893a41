package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import app.bytewise.engine.model.Model;
import java.util.List;

/**
 * llama.cpp's {@code llama4} (src/models/llama4.cpp; conversion/llama.py): every
 * {@code interleave_moe_layer_step}-th layer a mixture of experts with one shared expert as wide as an
 * expert, the others dense; without {@code attention.sliding_window} llama.cpp chunks attention in
 * 8192 tokens on three layers of four (its default pattern 4). The language model only: the vision
 * tower goes to an mmproj file.
 */
final class Llama4Layout {

    private Llama4Layout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("llama4", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        List<LayerBlock> layers = g.layers();
        Mlp.Moe moe = layers.stream().map(LayerBlock::mlp).filter(m -> m instanceof Mlp.Moe).map(m -> (Mlp.Moe) m)
                .findFirst().orElseThrow();
        long dense = layers.stream().map(LayerBlock::mlp).filter(m -> m instanceof Mlp.Dense)
                .mapToLong(m -> ((Mlp.Dense) m).intermediate()).findFirst().orElse(moe.expertIntermediate());
        int step = step(layers);
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();
        g.common(dense, a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim()).u32("rope.dimension_count", a.headDim())
                .u32("expert_count", moe.experts()).u32("expert_used_count", moe.perToken())
                .u32("expert_feed_forward_length", moe.expertIntermediate()).u32("interleave_moe_layer_step", step)
                .slidingPattern(4, b -> b.attention() instanceof Attention.Chunked).embeddings();
        for (int i = 0; i < layers.size(); i++) {
            g.layer(i, "attn_norm.weight", h).attention(i, q, kv, false, false).layer(i, "ffn_norm.weight", h);
            if (layers.get(i).mlp() instanceof Mlp.Moe m) {
                g.experts(i, m.experts(), m.expertIntermediate()).sharedExpert(i, m.expertIntermediate());
            } else {
                g.denseFfn(i, dense);
            }
        }
        return g.writer();
    }

    /** llama.cpp's rule: layer i is MoE when (i + 1) % step == 0. */
    private static int step(List<LayerBlock> layers) {
        int step = 1;
        while (step <= layers.size() && !(layers.get(step - 1).mlp() instanceof Mlp.Moe)) {
            step++;
        }
        for (int i = 0; i < layers.size(); i++) {
            if ((layers.get(i).mlp() instanceof Mlp.Moe) != ((i + 1) % step == 0)) {
                throw new InvalidInputException("model", "llama.cpp's llama4 routes every interleave_moe_layer_step-th "
                        + "layer; this model's MoE layers are laid out otherwise.");
            }
        }
        return step;
    }
}
