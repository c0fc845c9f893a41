package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * OPT ({@code modeling_opt.py}, {@code OPTConfig}): learned positions with an offset of 2 rows,
 * biases on every projection ({@code enable_bias}), token embeddings of width
 * {@code word_embed_proj_dim} projected in and out when it differs from the hidden size (OPT-350m),
 * a final LayerNorm only for pre-norm models ({@code do_layer_norm_before}), and the output head
 * tied to the token embeddings.
 */
public record OptFamily() implements ModelFamily {

    /** OPTLearnedPositionalEmbedding allocates max_position_embeddings + 2 rows. */
    static final int POSITION_OFFSET = 2;

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("hidden_size");
        int heads = c.requiredInt("num_attention_heads");
        return new Architecture("opt", hidden, c.requiredInt("num_hidden_layers"), heads, heads,
                ModelFamily.headDim(c, hidden, heads), c.requiredLong("ffn_dim"), c.requiredLong("vocab_size"),
                c.bool("tie_word_embeddings", true), c.requiredLong("max_position_embeddings"), 0, 0, 0, 0);
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        long proj = c.optionalLong("word_embed_proj_dim").orElse(h);
        boolean bias = c.bool("enable_bias", true);
        boolean affine = c.bool("layer_norm_elementwise_affine", true);
        List<Tensor> tensors = new ArrayList<>();
        String d = "model.decoder.";
        tensors.add(Tensor.matrix(d + "embed_tokens.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), proj));
        tensors.add(Tensor.matrix(d + "embed_positions.weight", POSITION_EMBEDDING, -1,
                a.maxPositions() + POSITION_OFFSET, h));
        if (proj != h) {
            tensors.add(Tensor.matrix(d + "project_out.weight", EMBEDDING_PROJECTION, -1, proj, h));
            tensors.add(Tensor.matrix(d + "project_in.weight", EMBEDDING_PROJECTION, -1, h, proj));
        }
        if (c.bool("do_layer_norm_before", true) && !c.bool("_remove_final_layer_norm", false) && affine) {
            FalconFamily.layerNorm(tensors, d + "final_layer_norm", -1, h);
        }
        for (int i = 0; i < a.layers(); i++) {
            String p = d + "layers." + i + ".";
            LlamaFamily.linear(tensors, p + "self_attn.k_proj", ATTN_K, i, h, h, bias);
            LlamaFamily.linear(tensors, p + "self_attn.v_proj", ATTN_V, i, h, h, bias);
            LlamaFamily.linear(tensors, p + "self_attn.q_proj", ATTN_Q, i, h, h, bias);
            LlamaFamily.linear(tensors, p + "self_attn.out_proj", ATTN_OUTPUT, i, h, h, bias);
            if (affine) {
                FalconFamily.layerNorm(tensors, p + "self_attn_layer_norm", i, h);
            }
            LlamaFamily.linear(tensors, p + "fc1", FFN_UP, i, a.intermediateSize(), h, bias);
            LlamaFamily.linear(tensors, p + "fc2", FFN_DOWN, i, h, a.intermediateSize(), bias);
            if (affine) {
                FalconFamily.layerNorm(tensors, p + "final_layer_norm", i, h);
            }
        }
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("lm_head.weight", OUTPUT, -1, a.vocabSize(), proj));
        }
        return tensors;
    }
}
