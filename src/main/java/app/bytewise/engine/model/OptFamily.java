package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

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
        long hidden = c.requiredLong(HIDDEN, "hidden_size");
        int heads = c.requiredInt(HEADS, "num_attention_heads");
        return Architecture.uniform("opt", hidden, c.requiredInt(LAYERS, "num_hidden_layers"), heads, heads,
                ModelFamily.headDim(c, hidden, heads), new Mlp.Dense(c.requiredLong(INTERMEDIATE, "ffn_dim"), false),
                c.requiredLong(VOCABULARY, "vocab_size"), c.bool("tie_word_embeddings", true),
                c.requiredLong(POSITIONS, "max_position_embeddings"), 0, 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        long proj = c.optionalLong(HIDDEN, "word_embed_proj_dim").orElse(h);
        boolean bias = c.bool("enable_bias", true);
        boolean affine = c.bool("layer_norm_elementwise_affine", true);
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        String d = "model.decoder.";
        once.matrix(d + "embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), proj);
        once.matrix(d + "embed_positions.weight", POSITION_EMBEDDING, a.maxPositions() + POSITION_OFFSET, h);
        if (proj != h) {
            once.matrix(d + "project_out.weight", EMBEDDING_PROJECTION, proj, h);
            once.matrix(d + "project_in.weight", EMBEDDING_PROJECTION, h, proj);
        }
        if (c.bool("do_layer_norm_before", true) && !c.bool("_remove_final_layer_norm", false) && affine) {
            once.layerNorm(d + "final_layer_norm", h);
        }
        String p = d + "layers." + TensorGroup.LAYER + ".";
        layer.linear(p + "self_attn.k_proj", ATTN_K, h, h, bias);
        layer.linear(p + "self_attn.v_proj", ATTN_V, h, h, bias);
        layer.linear(p + "self_attn.q_proj", ATTN_Q, h, h, bias);
        layer.linear(p + "self_attn.out_proj", ATTN_OUTPUT, h, h, bias);
        if (affine) {
            layer.layerNorm(p + "self_attn_layer_norm", h);
        }
        layer.linear(p + "fc1", FFN_UP, a.intermediateSize(), h, bias);
        layer.linear(p + "fc2", FFN_DOWN, h, a.intermediateSize(), bias);
        if (affine) {
            layer.layerNorm(p + "final_layer_norm", h);
        }
        if (!a.tiedEmbeddings()) {
            once.matrix("lm_head.weight", OUTPUT, a.vocabSize(), proj);
        }
        return tensors.build();
    }
}
