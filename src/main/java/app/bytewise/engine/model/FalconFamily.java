package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Falcon ({@code modeling_falcon.py}, {@code FalconConfig}): fused query/key/value, parallel
 * attention and MLP, LayerNorms with bias. Falcon-7B is multi-query (one shared key/value head);
 * the "new decoder architecture" (Falcon-40B/180B) uses {@code num_kv_heads} groups and two
 * LayerNorms per block. Older configs spell fields {@code n_head}, {@code n_layer},
 * {@code n_head_kv}; {@code model_type} may be {@code RefinedWeb}/{@code RefinedWebModel}.
 */
public record FalconFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("hidden_size");
        int heads = c.requiredInt("num_attention_heads", "n_head");
        boolean newArch = c.bool("new_decoder_architecture", false);
        int kvHeads;
        if (newArch) {
            kvHeads = c.optionalInt("num_kv_heads", "n_head_kv").orElse(heads);
        } else {
            kvHeads = c.bool("multi_query", true) ? 1 : heads;
        }
        ModelFamily.checkedKvHeads(c, "num_kv_heads", heads, kvHeads);
        long ffn = c.optionalLong("ffn_hidden_size").orElse(4 * hidden);
        return new Architecture("falcon", hidden, c.requiredInt("num_hidden_layers", "n_layer"), heads, kvHeads,
                ModelFamily.headDim(c, hidden, heads), ffn, c.requiredLong("vocab_size"),
                c.bool("tie_word_embeddings", true), c.optionalLong("max_position_embeddings").orElse(0L), 0, 0, 0,
                0);
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        boolean bias = c.bool("bias", false);
        boolean newArch = c.bool("new_decoder_architecture", false);
        boolean parallel = c.bool("parallel_attn", true);
        int lnInParallel = c.optionalInt("num_ln_in_parallel_attn").orElse(newArch ? 2 : 1);
        long h = a.hiddenSize();
        long qkv = (long) (a.attentionHeads() + 2 * a.kvHeads()) * a.headDim();

        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.matrix("transformer.word_embeddings.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), h));
        for (int i = 0; i < a.layers(); i++) {
            String p = "transformer.h." + i + ".";
            if (newArch && lnInParallel == 2) {
                layerNorm(tensors, p + "ln_attn", i, h);
                layerNorm(tensors, p + "ln_mlp", i, h);
            } else {
                layerNorm(tensors, p + "input_layernorm", i, h);
                if (!parallel) {
                    layerNorm(tensors, p + "post_attention_layernorm", i, h);
                }
            }
            LlamaFamily.linear(tensors, p + "self_attention.query_key_value", ATTN_QKV, i, qkv, h, bias);
            LlamaFamily.linear(tensors, p + "self_attention.dense", ATTN_OUTPUT, i, h,
                    (long) a.attentionHeads() * a.headDim(), bias);
            LlamaFamily.linear(tensors, p + "mlp.dense_h_to_4h", FFN_UP, i, a.intermediateSize(), h, bias);
            LlamaFamily.linear(tensors, p + "mlp.dense_4h_to_h", FFN_DOWN, i, h, a.intermediateSize(), bias);
        }
        layerNorm(tensors, "transformer.ln_f", -1, h);
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("lm_head.weight", OUTPUT, -1, a.vocabSize(), h));
        }
        return tensors;
    }

    /** {@code nn.LayerNorm} with its affine weight and bias. */
    static void layerNorm(List<Tensor> tensors, String prefix, int layer, long width) {
        tensors.add(Tensor.vector(prefix + ".weight", NORM, layer, width));
        tensors.add(Tensor.vector(prefix + ".bias", NORM, layer, width));
    }
}
