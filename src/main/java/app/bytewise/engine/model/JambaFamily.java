package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Jamba ({@code src/transformers/models/jamba/configuration_jamba.py} @ 008f5c8, {@code modeling_jamba.py};
 * Lieber et al. 2024): layer {@code i} attends when {@code i % attn_layer_period == attn_layer_offset}
 * (layers 4, 12, 20, 28 by default: 1 in 8) and is a Mamba-1 mixer otherwise; its MLP is a mixture of
 * {@code num_experts} when {@code i % expert_layer_period == expert_layer_offset} (the odd layers), a
 * dense SwiGLU MLP otherwise. Attention has no positional encoding and {@code head_dim = hidden / heads};
 * the mixer adds RMSNorms over Δ, B and C ({@code dt_layernorm}, {@code b_layernorm}, {@code c_layernorm}).
 * Attention layers cache every token (HybridMambaAttentionDynamicCache keeps the full sequence).
 */
public record JambaFamily() implements ModelFamily {

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(4096L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(32);
        int heads = c.optionalInt(HEADS, "num_attention_heads").orElse(32);
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(8));
        if (hidden % heads != 0) {
            throw new InvalidInputException(c.path("num_attention_heads"), "hidden size " + hidden
                    + " is not divisible by " + heads + " heads.");
        }
        Attention attention = new Attention.Full(heads, kvHeads, (int) (hidden / heads));
        Attention mamba = new Attention.Mamba(1, MambaTensors.innerSize(c, "mamba_expand", hidden, 2),
                c.optionalInt(HEAD_DIM, "mamba_d_state").orElse(16), 0, 0, c.optionalInt(HEAD_DIM, "mamba_d_conv").orElse(4));
        int experts = c.optionalInt(EXPERTS, "num_experts").orElse(16);
        long width = c.optionalLong(INTERMEDIATE, "intermediate_size").orElse(14_336L);
        Mlp dense = new Mlp.Dense(width, true);
        Mlp moe = new Mlp.Moe(experts, ModelFamily.checkedExpertsPerToken(c, experts,
                c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(2)), width, 0, true);
        int attnPeriod = c.optionalInt(LAYERS, "attn_layer_period").orElse(8);
        int attnOffset = offset(c, "attn_layer_offset", 4, attnPeriod);
        int expertPeriod = c.optionalInt(LAYERS, "expert_layer_period").orElse(2);
        int expertOffset = offset(c, "expert_layer_offset", 1, expertPeriod);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            // JambaConfig.layers_num_experts: num_experts at the expert layers, 1 (a dense MLP) elsewhere.
            boolean sparse = experts > 1 && i % expertPeriod == expertOffset;
            stack.add(new LayerBlock(1, i % attnPeriod == attnOffset ? attention : mamba, sparse ? moe : dense));
        }
        return Architecture.of("jamba", hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(65_536L),
                c.bool("tie_word_embeddings", false), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(262_144L),
                stack);
    }

    /** An offset may be 0, so it is not read as a positive integer; JambaConfig requires it below the period. */
    private static int offset(ModelConfig c, String field, int fallback, int period) {
        var node = c.json().get(field);
        if (node == null || node.isNull()) {
            if (fallback >= period) {
                throw new InvalidInputException(c.path(field), field + " " + fallback + " must be below its period " + period + ".");
            }
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() >= period) {
            throw new InvalidInputException(c.path(field), field + " must be an integer from 0 to " + (period - 1)
                    + " (below its period), got " + node + ".");
        }
        return node.intValue();
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        int dtRank = MambaTensors.dtRank(c, "mamba_dt_rank", h);
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = DecoderTensors.LAYER_PREFIX;
        int first = 0;
        for (LayerBlock block : a.blocks()) {
            TensorListBuilder.Scope layer = tensors.layers(first, block.count());
            layer.vector(p + "input_layernorm.weight", NORM, h);
            if (block.attention() instanceof Attention.Mamba m) {
                String mp = p + "mamba.";
                MambaTensors.mamba1(layer, mp, h, m, dtRank, c.bool("mamba_proj_bias", false), c.bool("mamba_conv_bias", true));
                layer.vector(mp + "dt_layernorm.weight", MIXER_STATE, dtRank);
                layer.vector(mp + "b_layernorm.weight", MIXER_STATE, m.stateSize());
                layer.vector(mp + "c_layernorm.weight", MIXER_STATE, m.stateSize());
            } else {
                DecoderTensors.attention(layer, p, h, block.attention(), false, false, false);
            }
            layer.vector(p + "pre_ff_layernorm.weight", NORM, h);
            switch (block.mlp()) {
                case Mlp.Dense d -> DecoderTensors.gatedMlp(layer, p + "feed_forward.", h, d.intermediate());
                case Mlp.Moe m -> {
                    layer.matrix(p + "feed_forward.router.weight", ROUTER, m.experts(), h);
                    DecoderTensors.gatedMlp(tensors.experts(first, block.count(), m.experts()),
                            p + "feed_forward.experts." + TensorGroup.EXPERT + ".", h, m.expertIntermediate());
                }
                case Mlp.None n -> throw new IllegalStateException("Jamba layers all have an MLP");
            }
            first += block.count();
        }
        tensors.once().vector("model.final_layernorm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }
}
