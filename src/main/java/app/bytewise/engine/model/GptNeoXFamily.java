package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.List;

/**
 * GPT-NeoX and Pythia ({@code modeling_gpt_neox.py}, {@code GPTNeoXConfig}): fused query/key/value
 * with biases ({@code attention_bias}, default true), LayerNorms with bias, rotary positions, and a
 * separate output head {@code embed_out} ({@code tie_word_embeddings} defaults to false).
 */
public record GptNeoXFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong(HIDDEN, "hidden_size");
        int heads = c.requiredInt(HEADS, "num_attention_heads");
        return Architecture.uniform("gpt_neox", hidden, c.requiredInt(LAYERS, "num_hidden_layers"), heads, heads,
                ModelFamily.headDim(c, hidden, heads), new Mlp.Dense(c.requiredLong(INTERMEDIATE, "intermediate_size"), false),
                c.requiredLong(VOCABULARY, "vocab_size"), c.bool("tie_word_embeddings", false),
                c.optionalLong(POSITIONS, "max_position_embeddings").orElse(2048L), 0, 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        boolean bias = c.bool("attention_bias", true);
        long h = a.hiddenSize();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("gpt_neox.embed_in.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "gpt_neox.layers." + TensorGroup.LAYER + ".";
        layer.layerNorm(p + "input_layernorm", h);
        layer.layerNorm(p + "post_attention_layernorm", h);
        layer.linear(p + "attention.query_key_value", ATTN_QKV, 3 * h, h, bias);
        layer.linear(p + "attention.dense", ATTN_OUTPUT, h, h, bias);
        layer.linear(p + "mlp.dense_h_to_4h", FFN_UP, a.intermediateSize(), h, true);
        layer.linear(p + "mlp.dense_4h_to_h", FFN_DOWN, h, a.intermediateSize(), true);
        once.layerNorm("gpt_neox.final_layer_norm", h);
        if (!a.tiedEmbeddings()) {
            once.matrix("embed_out.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
