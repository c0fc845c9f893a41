package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import app.bytewise.engine.model.Model;
import java.util.List;

/**
 * llama.cpp's {@code llama} architecture (src/models/llama.cpp, {@code load_arch_hparams} and
 * {@code load_arch_tensors}): Llama, Mistral and Mixtral. Mixtral's experts are {@code expert_count}
 * routed experts in every layer; {@code n_ff} is then each expert's width. llama.cpp has no sliding
 * window for this architecture, so Mistral's window is not written (convert_hf_to_gguf.py does not
 * write it either, conversion/llama.py).
 */
final class LlamaLayout {

    private LlamaLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("llama", model);
        Architecture a = g.architecture();
        long q = (long) a.attentionHeads() * a.headDim();
        long kv = (long) a.kvHeads() * a.headDim();
        g.common(a.intermediateSize(), a.attentionHeads(), a.kvHeads(), a.headDim(), a.headDim())
                .u32("rope.dimension_count", a.headDim());
        if (a.isMoe()) {
            g.u32("expert_count", a.experts()).u32("expert_used_count", a.expertsPerToken());
        }
        g.embeddings();
        boolean qkvBias = g.has("self_attn.q_proj.bias");
        boolean outputBias = g.has("self_attn.o_proj.bias");
        boolean mlpBias = g.has("mlp.gate_proj.bias");
        List<LayerBlock> layers = g.layers();
        long h = a.hiddenSize();
        for (int i = 0; i < layers.size(); i++) {
            g.layer(i, "attn_norm.weight", h).attention(i, q, kv, qkvBias, outputBias).layer(i, "ffn_norm.weight", h);
            switch (layers.get(i).mlp()) {
                case Mlp.Moe m -> g.experts(i, m.experts(), m.expertIntermediate());
                case Mlp.Dense d -> {
                    g.denseFfn(i, d.intermediate());
                    if (mlpBias) {
                        g.layer(i, "ffn_gate.bias", d.intermediate()).layer(i, "ffn_up.bias", d.intermediate())
                                .layer(i, "ffn_down.bias", h);
                    }
                }
                case Mlp.None n -> throw new IllegalStateException("Llama layers all have an MLP");
            }
        }
        return g.writer();
    }
}
