package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import app.bytewise.engine.model.Model;
import java.util.List;

/**
 * llama.cpp's {@code jamba} (src/models/jamba.cpp; conversion/jamba.py): {@code head_count_kv} per
 * layer, 0 marking a Mamba layer (llama.cpp's {@code is_recr}); Mamba-1 mixers with RMSNorms over Δ,
 * B and C; routed experts where a layer has a router ({@code ffn_gate_inp}), a dense MLP elsewhere.
 */
final class JambaLayout {

    private JambaLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("jamba", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        List<LayerBlock> layers = g.layers();
        Attention.Mamba m = layers.stream().map(LayerBlock::attention).filter(x -> x instanceof Attention.Mamba)
                .map(x -> (Attention.Mamba) x).findFirst().orElseThrow();
        long dtRank = g.checkpointTensor("mamba.dt_layernorm.weight").orElseThrow().shape().getFirst();
        long inner = m.innerSize();
        int n = m.stateSize();
        List<Integer> kvHeads = layers.stream().map(b -> b.attention() instanceof Attention.Full f ? f.kvHeads() : 0).toList();
        g.common(a.intermediateSize(), a.attentionHeads(), kvHeads, a.headDim(), a.headDim())
                .u32("ssm.conv_kernel", m.convKernel()).u32("ssm.inner_size", inner).u32("ssm.state_size", n)
                .u32("ssm.time_step_rank", dtRank).u32("expert_count", a.experts())
                .u32("expert_used_count", a.expertsPerToken()).embeddings();
        for (int i = 0; i < layers.size(); i++) {
            LayerBlock b = layers.get(i);
            g.layer(i, "attn_norm.weight", h);
            if (b.attention() instanceof Attention.Full f) {
                g.attention(i, h, (long) f.kvHeads() * f.headDim(), false, false);
            } else {
                g.layer(i, "ssm_in.weight", h, 2 * inner).layer(i, "ssm_conv1d.weight", m.convKernel(), inner)
                        .layer(i, "ssm_conv1d.bias", inner).layer(i, "ssm_x.weight", inner, dtRank + 2L * n)
                        .layer(i, "ssm_dt_norm.weight", dtRank).layer(i, "ssm_dt.weight", dtRank, inner)
                        .layer(i, "ssm_dt.bias", inner).layer(i, "ssm_b_norm.weight", n).layer(i, "ssm_c_norm.weight", n)
                        .layer(i, "ssm_a", n, inner).layer(i, "ssm_d", inner).layer(i, "ssm_out.weight", inner, h);
            }
            g.layer(i, "ffn_norm.weight", h);
            switch (b.mlp()) {
                case Mlp.Moe e -> g.experts(i, e.experts(), e.expertIntermediate());
                case Mlp.Dense d -> g.denseFfn(i, d.intermediate());
                case Mlp.None x -> throw new IllegalStateException("Jamba layers all have an MLP");
            }
        }
        return g.writer();
    }
}
