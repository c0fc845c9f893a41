package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * GPT-NeoX and Pythia ({@code modeling_gpt_neox.py}, {@code GPTNeoXConfig}): fused query/key/value
 * with biases ({@code attention_bias}, default true), LayerNorms with bias, rotary positions, and a
 * separate output head {@code embed_out} ({@code tie_word_embeddings} defaults to false).
 */
public record GptNeoXFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("hidden_size");
        int heads = c.requiredInt("num_attention_heads");
        return new Architecture("gpt_neox", hidden, c.requiredInt("num_hidden_layers"), heads, heads,
                ModelFamily.headDim(c, hidden, heads), c.requiredLong("intermediate_size"),
                c.requiredLong("vocab_size"), c.bool("tie_word_embeddings", false),
                c.optionalLong("max_position_embeddings").orElse(0L), 0, 0, 0, 0);
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        boolean bias = c.bool("attention_bias", true);
        long h = a.hiddenSize();
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.matrix("gpt_neox.embed_in.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), h));
        for (int i = 0; i < a.layers(); i++) {
            String p = "gpt_neox.layers." + i + ".";
            FalconFamily.layerNorm(tensors, p + "input_layernorm", i, h);
            FalconFamily.layerNorm(tensors, p + "post_attention_layernorm", i, h);
            LlamaFamily.linear(tensors, p + "attention.query_key_value", ATTN_QKV, i, 3 * h, h, bias);
            LlamaFamily.linear(tensors, p + "attention.dense", ATTN_OUTPUT, i, h, h, bias);
            LlamaFamily.linear(tensors, p + "mlp.dense_h_to_4h", FFN_UP, i, a.intermediateSize(), h, true);
            LlamaFamily.linear(tensors, p + "mlp.dense_4h_to_h", FFN_DOWN, i, h, a.intermediateSize(), true);
        }
        FalconFamily.layerNorm(tensors, "gpt_neox.final_layer_norm", -1, h);
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("embed_out.weight", OUTPUT, -1, a.vocabSize(), h));
        }
        return tensors;
    }
}
