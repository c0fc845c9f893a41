package app.bytewise.engine.checkpoint.gguf;

import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Attention;
import app.bytewise.engine.model.Model;

/**
 * llama.cpp's {@code gpt-oss} (src/models/openai-moe.cpp): the query is {@code n_head × n_rot} wide,
 * so {@code rope.dimension_count} and the key/value length are the 64 of head_dim (hidden / heads
 * would be 45); biases on every projection, a sink logit per head ({@code attn_sinks}), a post-attention
 * norm, and every layer a mixture of experts with biased router and experts. The 128-token window
 * slides on the even layers (llama.cpp's default pattern 2).
 */
final class GptOssLayout {

    private GptOssLayout() {
    }

    static GgufWriter write(Model model) {
        GgufLayout g = new GgufLayout("gpt-oss", model);
        Architecture a = g.architecture();
        long h = a.hiddenSize();
        int headDim = a.headDim();
        long q = (long) a.attentionHeads() * headDim;
        long kv = (long) a.kvHeads() * headDim;
        int experts = a.experts();
        long ff = a.intermediateSize();
        g.common(ff, a.attentionHeads(), a.kvHeads(), headDim, headDim).u32("rope.dimension_count", headDim)
                .u32("expert_count", experts).u32("expert_used_count", a.expertsPerToken())
                .u32("expert_feed_forward_length", ff).u32("attention.sliding_window", a.slidingWindow())
                .slidingPattern(2, b -> b.attention() instanceof Attention.Sliding).embeddings();
        for (int i = 0; i < a.layers(); i++) {
            g.layer(i, "attn_norm.weight", h).layer(i, "post_attention_norm.weight", h)
                    .attention(i, q, kv, true, true).layer(i, "attn_sinks.weight", a.attentionHeads())
                    .experts(i, experts, ff).layer(i, "ffn_gate_inp.bias", experts)
                    .layer(i, "ffn_gate_exps.bias", ff, experts).layer(i, "ffn_up_exps.bias", ff, experts)
                    .layer(i, "ffn_down_exps.bias", h, experts);
        }
        return g.writer();
    }
}
