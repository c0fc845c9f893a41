package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.LayerBlock;
import app.bytewise.engine.model.Mlp;
import app.bytewise.engine.model.Model;
import java.util.List;

/**
 * llama.cpp's {@code deepseek2} (src/models/deepseek2.cpp), as convert_hf_to_gguf.py writes
 * DeepSeek-V2/V3 (conversion/deepseek.py, {@code DeepseekV2Model}): MLA as multi-query attention of
 * one KV head whose key is the {@code kv_lora_rank + rope} latent ({@code key_length}) and value
 * the {@code kv_lora_rank} latent ({@code value_length}), the per-head sizes in
 * {@code key_length_mla}/{@code value_length_mla}, and {@code kv_b_proj} split into {@code attn_k_b}
 * and {@code attn_v_b}. The first {@code leading_dense_block_count} layers are dense; the rest route
 * to {@code expert_count} experts beside {@code expert_shared_count} shared ones. The multi-token
 * prediction layers are not converted ({@code skip_mtp}), as the catalog does not count them.
 * llama.cpp reads {@code q_lora_rank} only for non-Lite models (27 or 26 layers are Lite).
 */
final class DeepSeek2Layout {

    private DeepSeek2Layout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("deepseek2", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        List<LayerBlock> layers = g.layers();
        Attention.Latent mla = (Attention.Latent) layers.getFirst().attention();
        int kvLora = mla.kvLoraRank();
        int rope = mla.qkRopeHeadDim();
        int heads = mla.heads();
        long dense = layers.stream().map(LayerBlock::mlp).filter(m -> m instanceof Mlp.Dense)
                .mapToLong(m -> ((Mlp.Dense) m).intermediate()).findFirst().orElse(a.intermediateSize());
        int leadingDense = (int) layers.stream().takeWhile(b -> b.mlp() instanceof Mlp.Dense).count();
        Mlp.Moe moe = layers.stream().map(LayerBlock::mlp).filter(m -> m instanceof Mlp.Moe).map(m -> (Mlp.Moe) m)
                .findFirst().orElseThrow(() -> new IllegalStateException("deepseek2 needs routed experts"));
        g.common(dense, heads, 1, kvLora + rope, kvLora).u32("rope.dimension_count", rope)
                .u32("leading_dense_block_count", leadingDense).u32("attention.kv_lora_rank", kvLora)
                .u32("attention.key_length_mla", mla.qkHeadDim()).u32("attention.value_length_mla", mla.vHeadDim())
                .u32("expert_feed_forward_length", moe.expertIntermediate()).u32("expert_count", moe.experts())
                .u32("expert_used_count", moe.perToken())
                .u32("expert_shared_count", moe.sharedIntermediate() / moe.expertIntermediate());
        if (mla.qLoraRank() > 0) {
            g.u32("attention.q_lora_rank", mla.qLoraRank());
        }
        g.embeddings();
        boolean scoreBias = g.has("mlp.gate.e_score_correction_bias");
        long qWidth = (long) heads * mla.qkHeadDim();
        for (int i = 0; i < layers.size(); i++) {
            g.layer(i, "attn_norm.weight", h);
            if (mla.qLoraRank() > 0) {
                g.layer(i, "attn_q_a_norm.weight", mla.qLoraRank()).layer(i, "attn_q_a.weight", h, mla.qLoraRank())
                        .layer(i, "attn_q_b.weight", mla.qLoraRank(), qWidth);
            } else {
                g.layer(i, "attn_q.weight", h, qWidth);
            }
            g.layer(i, "attn_kv_a_norm.weight", kvLora).layer(i, "attn_kv_a_mqa.weight", h, kvLora + rope)
                    .layer(i, "attn_k_b.weight", mla.qkNopeHeadDim(), kvLora, heads)
                    .layer(i, "attn_v_b.weight", kvLora, mla.vHeadDim(), heads)
                    .layer(i, "attn_output.weight", (long) heads * mla.vHeadDim(), h).layer(i, "ffn_norm.weight", h);
            switch (layers.get(i).mlp()) {
                case Mlp.Dense d -> g.denseFfn(i, d.intermediate());
                case Mlp.Moe m -> {
                    g.experts(i, m.experts(), m.expertIntermediate()).sharedExpert(i, m.sharedIntermediate());
                    if (scoreBias) {
                        g.layer(i, "exp_probs_b.bias", m.experts());
                    }
                }
                case Mlp.None n -> throw new IllegalStateException("DeepSeek layers all have an MLP");
            }
        }
        return g.writer();
    }
}
