package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import app.bytewise.engine.InvalidInputException;
import java.util.List;

/**
 * Mamba-2 ({@code model_type: mamba2}; {@code src/transformers/models/mamba2/configuration_mamba2.py}
 * @ f2a39d4, {@code modeling_mamba2.py} @ 4711664): every layer one Mamba-2 mixer behind an RMSNorm
 * (Dao and Gu 2024). The mixer's inner width is {@code int(expand × hidden)} and must equal
 * {@code num_heads × head_dim}, the state each head keeps being {@code head_dim × state_size}; B and C
 * are shared by {@code n_groups} groups of heads.
 */
public record Mamba2Family() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(4096L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(64);
        long inner = MambaTensors.innerSize(c, "expand", hidden, 2);
        int heads = c.optionalInt(HEADS, "num_heads").orElse(128);
        long headDim = c.optionalLong(HEAD_DIM, "head_dim").orElse(64L);
        int groups = c.optionalInt(HEADS, "n_groups").orElse(8);
        if (heads * headDim != inner) {
            throw new InvalidInputException(c.path("num_heads"), heads + " heads × head_dim " + headDim
                    + " must equal the mixer's inner width, expand × hidden size = " + inner + ".");
        }
        if (heads % groups != 0) {
            throw new InvalidInputException(c.path("n_groups"), groups + " groups must divide the " + heads + " heads.");
        }
        Attention mixer = new Attention.Mamba(2, inner, c.optionalInt(HEAD_DIM, "state_size").orElse(128), groups, heads,
                c.optionalInt(HEAD_DIM, "conv_kernel").orElse(4));
        return Architecture.of("mamba2", hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(32_768L),
                c.bool("tie_word_embeddings", false), 0, List.of(new LayerBlock(layers, mixer, new Mlp.None())));
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        Attention.Mamba mixer = (Attention.Mamba) a.kinds().getFirst().attention();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("backbone.embeddings.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = "backbone.layers." + TensorGroup.LAYER + ".";
        TensorListBuilder.Scope layer = tensors.everyLayer();
        layer.vector(p + "norm.weight", NORM, h);
        MambaTensors.mamba2(layer, p + "mixer.", h, mixer, c.bool("use_bias", false), c.bool("use_conv_bias", true), true);
        tensors.once().vector("backbone.norm_f.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
