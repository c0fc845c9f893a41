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
 * llama.cpp's {@code qwen3next} (src/models/qwen3next.cpp; conversion/qwen.py): gated DeltaNet
 * layers described by the {@code ssm.*} keys (state size = key head dim, group count = key heads,
 * time-step rank = value heads, inner size = value heads × value head dim), every
 * {@code full_attention_interval}-th layer a gated attention whose {@code attn_q} also yields the
 * output gate ({@code 2 × heads × head_dim}), and every layer a mixture of experts with a gated shared
 * expert. llama.cpp's DeltaNet takes the value head dim equal to the key's ({@code head_v_dim =
 * ssm_d_state}). {@code rope.dimension_count} (the partial rotary width) is left at the head dim: it
 * shapes no tensor and no cache.
 */
final class Qwen3NextLayout {

    private Qwen3NextLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("qwen3next", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        List<LayerBlock> layers = g.layers();
        Attention.Full full = layers.stream().map(LayerBlock::attention).filter(x -> x instanceof Attention.Full)
                .map(x -> (Attention.Full) x).findFirst().orElseThrow();
        Attention.GatedDeltaNet d = layers.stream().map(LayerBlock::attention).filter(x -> x instanceof Attention.GatedDeltaNet)
                .map(x -> (Attention.GatedDeltaNet) x).findFirst().orElseThrow();
        Mlp.Moe moe = (Mlp.Moe) layers.getFirst().mlp();
        int interval = interval(layers);
        long keyDim = (long) d.keyHeads() * d.keyHeadDim();
        long valueDim = (long) d.valueHeads() * d.valueHeadDim();
        g.common(moe.expertIntermediate(), full.heads(), full.kvHeads(), full.headDim(), full.headDim())
                .u32("expert_count", moe.experts()).u32("expert_used_count", moe.perToken())
                .u32("expert_feed_forward_length", moe.expertIntermediate())
                .u32("expert_shared_feed_forward_length", moe.sharedIntermediate())
                .u32("ssm.conv_kernel", d.convKernel()).u32("ssm.state_size", d.keyHeadDim())
                .u32("ssm.group_count", d.keyHeads()).u32("ssm.time_step_rank", d.valueHeads())
                .u32("ssm.inner_size", valueDim).u32("full_attention_interval", interval).embeddings();
        long q = (long) full.heads() * full.headDim();
        long kv = (long) full.kvHeads() * full.headDim();
        for (int i = 0; i < layers.size(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "post_attention_norm.weight", h);
            if (layers.get(i).attention() instanceof Attention.Full) {
                g.layer(i, "attn_q.weight", h, 2 * q).layer(i, "attn_k.weight", h, kv).layer(i, "attn_v.weight", h, kv)
                        .layer(i, "attn_output.weight", q, h).layer(i, "attn_q_norm.weight", full.headDim())
                        .layer(i, "attn_k_norm.weight", full.headDim());
            } else {
                g.layer(i, "ssm_in.weight", h, 2 * keyDim + 2 * valueDim)
                        .layer(i, "ssm_conv1d.weight", d.convKernel(), d.convChannels())
                        .layer(i, "ssm_dt.bias", d.valueHeads()).layer(i, "ssm_a", d.valueHeads())
                        .layer(i, "ssm_ba.weight", h, 2L * d.valueHeads()).layer(i, "ssm_norm.weight", d.valueHeadDim())
                        .layer(i, "ssm_out.weight", valueDim, h);
            }
            g.experts(i, moe.experts(), moe.expertIntermediate()).layer(i, "ffn_gate_inp_shexp.weight", h)
                    .sharedExpert(i, moe.sharedIntermediate());
        }
        return g.writer();
    }

    /** llama.cpp's rule: layer i attends when (i + 1) % interval == 0; another layout it cannot be told. */
    private static int interval(List<LayerBlock> layers) {
        int interval = 1;
        while (interval <= layers.size() && !(layers.get(interval - 1).attention() instanceof Attention.Full)) {
            interval++;
        }
        for (int i = 0; i < layers.size(); i++) {
            if ((layers.get(i).attention() instanceof Attention.Full) != ((i + 1) % interval == 0)
                    || !(layers.get(i).mlp() instanceof Mlp.Moe)) {
                throw new InvalidInputException("model", "llama.cpp's qwen3next attends at every full_attention_interval-th "
                        + "layer and routes every layer; this model's layers are laid out otherwise.");
            }
        }
        return interval;
    }
}
