package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

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
        long hidden = c.requiredLong(HIDDEN, "n_embd", "hidden_size");
        int heads = c.requiredInt(HEADS, "n_head", "num_attention_heads");
        return Architecture.uniform("gpt2", hidden, c.requiredInt(LAYERS, "n_layer", "num_hidden_layers"), heads, heads,
                ModelFamily.headDim(c, hidden, heads),
                new Mlp.Dense(c.optionalLong(INTERMEDIATE, "n_inner").orElse(4 * hidden), false),
                c.requiredLong(VOCABULARY, "vocab_size"), c.bool("tie_word_embeddings", true),
                c.requiredLong(POSITIONS, "n_positions", "max_position_embeddings"), 0, 0);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        long ff = a.intermediateSize();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        TensorListBuilder.Scope once = tensors.once();
        TensorListBuilder.Scope layer = tensors.everyLayer();
        once.matrix("transformer.wte.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        once.matrix("transformer.wpe.weight", POSITION_EMBEDDING, a.maxPositions(), h);
        String p = "transformer.h." + TensorGroup.LAYER + ".";
        layer.layerNorm(p + "ln_1", h);
        conv1d(layer, p + "attn.c_attn", ATTN_QKV, h, 3 * h);
        conv1d(layer, p + "attn.c_proj", ATTN_OUTPUT, h, h);
        layer.layerNorm(p + "ln_2", h);
        conv1d(layer, p + "mlp.c_fc", FFN_UP, h, ff);
        conv1d(layer, p + "mlp.c_proj", FFN_DOWN, ff, h);
        once.layerNorm("transformer.ln_f", h);
        if (!a.tiedEmbeddings()) {
            once.matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }

    private static void conv1d(TensorListBuilder.Scope scope, String prefix, TensorRole role, long in, long out) {
        scope.conv1d(prefix + ".weight", role, in, out);
        scope.vector(prefix + ".bias", BIAS, out);
    }
}
