package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code mamba2} (src/models/mamba2.cpp; conversion/mamba.py): the {@code ssm.*} keys
 * (conv kernel, inner size, state size, {@code time_step_rank} = heads, {@code group_count}), one
 * {@code ssm_in} for gate, x·B·C and Δ, the convolution over x, B and C with its bias, per-head
 * {@code ssm_dt} bias, {@code ssm_a} and {@code ssm_d} as {@code [1, heads]}, the grouped norm
 * {@code [inner / groups, groups]} and {@code ssm_out}. No attention keys: llama.cpp then has no heads.
 */
final class Mamba2Layout {

    private Mamba2Layout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("mamba2", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        Attention.Mamba m = (Attention.Mamba) a.kinds().getFirst().attention();
        long inner = m.innerSize();
        long conv = m.convChannels();
        g.common(0, 0, 0, 0, 0).u32("ssm.conv_kernel", m.convKernel()).u32("ssm.inner_size", inner)
                .u32("ssm.state_size", m.stateSize()).u32("ssm.time_step_rank", m.heads())
                .u32("ssm.group_count", m.groups()).embeddings();
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "ssm_in.weight", h, inner + conv + m.heads())
                    .layer(i, "ssm_conv1d.weight", m.convKernel(), conv).layer(i, "ssm_conv1d.bias", conv)
                    .layer(i, "ssm_dt.bias", m.heads()).layer(i, "ssm_a", 1, m.heads()).layer(i, "ssm_d", 1, m.heads())
                    .layer(i, "ssm_norm.weight", inner / m.groups(), m.groups()).layer(i, "ssm_out.weight", inner, h);
        }
        return g.writer();
    }
}
