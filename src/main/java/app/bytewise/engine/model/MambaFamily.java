package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.List;

/**
 * Mamba ({@code model_type: mamba}; {@code src/transformers/models/mamba/configuration_mamba.py} @ 00328d4,
 * {@code modeling_mamba.py}): every layer one selective state-space mixer behind an RMSNorm, no
 * attention and no MLP (Gu and Dao 2023). The inner width is {@code intermediate_size}, which the
 * {@code -hf} configs state and MambaConfig otherwise derives as {@code int(expand × hidden)}; the
 * embeddings are tied unless the config says otherwise (the PretrainedConfig default), so
 * {@code lm_head} is not counted twice.
 */
public record MambaFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(768L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(32);
        long inner = c.optionalLong(INTERMEDIATE, "intermediate_size")
                .orElseGet(() -> MambaTensors.innerSize(c, "expand", hidden, 2));
        Attention mixer = new Attention.Mamba(1, inner, c.optionalInt(HEAD_DIM, "state_size").orElse(16), 0, 0,
                c.optionalInt(HEAD_DIM, "conv_kernel").orElse(4));
        // No position embeddings and no context limit: maxPositions 0.
        return Architecture.of("mamba", hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(50_280L),
                c.bool("tie_word_embeddings", true), 0, List.of(new LayerBlock(layers, mixer, new Mlp.None())));
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
        MambaTensors.mamba1(layer, p + "mixer.", h, mixer, MambaTensors.dtRank(c, "time_step_rank", h),
                c.bool("use_bias", true), c.bool("use_conv_bias", true));
        tensors.once().vector("backbone.norm_f.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
