package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2 ({@code modeling_gpt2.py}, {@code GPT2Config}): learned position embeddings, LayerNorms
 * with bias, biases on every projection, weights in {@code Conv1D} layout ({@code [in, out]}), and
 * the output head tied to the token embeddings. Fields are {@code n_embd}, {@code n_layer},
 * {@code n_head}, {@code n_positions}, {@code n_inner} (null means 4 × n_embd).
 */
public record Gpt2Family() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.requiredLong("n_embd", "hidden_size");
        int heads = c.requiredInt("n_head", "num_attention_heads");
        return new Architecture("gpt2", hidden, c.requiredInt("n_layer", "num_hidden_layers"), heads, heads,
                ModelFamily.headDim(c, hidden, heads), c.optionalLong("n_inner").orElse(4 * hidden),
                c.requiredLong("vocab_size"), c.bool("tie_word_embeddings", true),
                c.requiredLong("n_positions", "max_position_embeddings"), 0, 0, 0, 0);
    }

    @Override
    public List<Tensor> tensors(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        long ff = a.intermediateSize();
        List<Tensor> tensors = new ArrayList<>();
        tensors.add(Tensor.matrix("transformer.wte.weight", TOKEN_EMBEDDING, -1, a.vocabSize(), h));
        tensors.add(Tensor.matrix("transformer.wpe.weight", POSITION_EMBEDDING, -1, a.maxPositions(), h));
        for (int i = 0; i < a.layers(); i++) {
            String p = "transformer.h." + i + ".";
            FalconFamily.layerNorm(tensors, p + "ln_1", i, h);
            conv1d(tensors, p + "attn.c_attn", ATTN_QKV, i, h, 3 * h);
            conv1d(tensors, p + "attn.c_proj", ATTN_OUTPUT, i, h, h);
            FalconFamily.layerNorm(tensors, p + "ln_2", i, h);
            conv1d(tensors, p + "mlp.c_fc", FFN_UP, i, h, ff);
            conv1d(tensors, p + "mlp.c_proj", FFN_DOWN, i, ff, h);
        }
        FalconFamily.layerNorm(tensors, "transformer.ln_f", -1, h);
        if (!a.tiedEmbeddings()) {
            tensors.add(Tensor.matrix("lm_head.weight", OUTPUT, -1, a.vocabSize(), h));
        }
        return tensors;
    }

    private static void conv1d(List<Tensor> tensors, String prefix, TensorRole role, int layer, long in, long out) {
        tensors.add(Tensor.conv1d(prefix + ".weight", role, layer, in, out));
        tensors.add(Tensor.vector(prefix + ".bias", BIAS, layer, out));
    }
}
