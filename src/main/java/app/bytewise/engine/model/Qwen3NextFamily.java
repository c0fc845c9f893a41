package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Qwen3-Next ({@code src/transformers/models/qwen3_next/configuration_qwen3_next.py} @ 008e574,
 * {@code modular_qwen3_next.py} @ 043bb8d): three Gated DeltaNet layers ({@code linear_attention}) to
 * each gated full-attention layer ({@code layer_types}, else every {@code full_attention_interval}-th
 * layer attends), every layer's MLP a Qwen2-MoE block with a gated shared expert. The full-attention
 * {@code q_proj} is {@code 2 × heads × head_dim} wide, a query and an output gate per head, while keys
 * and values are those of {@link Attention.Full}; the DeltaNet layers project q, k, v and the gate z
 * through {@code in_proj_qkvz} and the decay inputs b, a through {@code in_proj_ba}.
 *
 * <p>The checkpoints also hold a multi-token-prediction layer ({@code mtp.*}); transformers ignores it
 * on load ({@code _keys_to_ignore_on_load_unexpected = [r"^mtp.*"]}), so its parameters are not counted.
 */
public record Qwen3NextFamily() implements ModelFamily {

    private static final Set<String> LAYER_TYPES = Set.of("linear_attention", "full_attention");

    @Override
    public Architecture architecture(ModelConfig c) {
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(2048L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(48);
        int heads = c.optionalInt(HEADS, "num_attention_heads").orElse(16);
        int kvHeads = ModelFamily.checkedKvHeads(c, "num_key_value_heads", heads,
                c.optionalInt(HEADS, "num_key_value_heads").orElse(2));
        Attention full = new Attention.Full(heads, kvHeads, c.optionalInt(HEAD_DIM, "head_dim").orElse(256));
        int keyHeads = c.optionalInt(HEADS, "linear_num_key_heads").orElse(16);
        int valueHeads = c.optionalInt(HEADS, "linear_num_value_heads").orElse(32);
        if (valueHeads % keyHeads != 0) {
            throw new InvalidInputException(c.path("linear_num_value_heads"), valueHeads + " value heads must be a "
                    + "multiple of the " + keyHeads + " key heads (each key head serves a group of value heads).");
        }
        Attention linear = new Attention.GatedDeltaNet(keyHeads, valueHeads,
                c.optionalInt(HEAD_DIM, "linear_key_head_dim").orElse(128),
                c.optionalInt(HEAD_DIM, "linear_value_head_dim").orElse(128),
                c.optionalInt(HEAD_DIM, "linear_conv_kernel_dim").orElse(4));
        Mlp dense = new Mlp.Dense(c.optionalLong(INTERMEDIATE, "intermediate_size").orElse(5632L), true);
        int experts = c.optionalInt(EXPERTS, "num_experts").orElse(512);
        Mlp moe = new Mlp.Moe(experts, ModelFamily.checkedExpertsPerToken(c, experts,
                c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(10)),
                c.optionalLong(INTERMEDIATE, "moe_intermediate_size").orElse(512L),
                c.optionalLong(INTERMEDIATE, "shared_expert_intermediate_size").orElse(512L), true);
        int step = c.optionalInt(LAYERS, "decoder_sparse_step").orElse(1);
        Set<Integer> mlpOnly = c.layerIndices("mlp_only_layers", layers);
        int interval = c.optionalInt(LAYERS, "full_attention_interval").orElse(4);
        List<String> types = c.strings("layer_types", layers, LAYER_TYPES).orElse(null);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            boolean attends = types == null ? (i + 1) % interval == 0 : types.get(i).equals("full_attention");
            // Qwen2-MoE's rule: sparse unless listed in mlp_only_layers, at every decoder_sparse_step-th layer.
            boolean sparse = !mlpOnly.contains(i) && (i + 1) % step == 0;
            stack.add(new LayerBlock(1, attends ? full : linear, sparse ? moe : dense));
        }
        return Architecture.of("qwen3_next", hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(151_936L),
                c.bool("tie_word_embeddings", false), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(32_768L),
                stack);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        boolean bias = c.bool("attention_bias", false);
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        String p = DecoderTensors.LAYER_PREFIX;
        int first = 0;
        for (LayerBlock block : a.blocks()) {
            TensorListBuilder.Scope layer = tensors.layers(first, block.count());
            layer.vector(p + "input_layernorm.weight", NORM, h);
            switch (block.attention()) {
                case Attention.Full f -> gatedAttention(layer, p + "self_attn.", h, f, bias);
                case Attention.GatedDeltaNet d -> deltaNet(layer, p + "linear_attn.", h, d);
                default -> throw new IllegalStateException("Qwen3-Next layers attend fully or through DeltaNet");
            }
            layer.vector(p + "post_attention_layernorm.weight", NORM, h);
            DecoderTensors.qwenMlp(tensors, first, block.count(), p + "mlp.", h, block.mlp());
            first += block.count();
        }
        tensors.once().vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }

    /** Gated attention: {@code q_proj} yields a query and a sigmoid output gate per head, hence {@code 2 × heads × head_dim}. */
    private static void gatedAttention(TensorListBuilder.Scope layer, String p, long h, Attention.Full f, boolean bias) {
        long q = (long) f.heads() * f.headDim();
        long kv = (long) f.kvHeads() * f.headDim();
        layer.linear(p + "q_proj", ATTN_Q, 2 * q, h, bias);
        layer.linear(p + "k_proj", ATTN_K, kv, h, bias);
        layer.linear(p + "v_proj", ATTN_V, kv, h, bias);
        layer.linear(p + "o_proj", ATTN_OUTPUT, h, q, bias);
        layer.vector(p + "q_norm.weight", NORM, f.headDim());
        layer.vector(p + "k_norm.weight", NORM, f.headDim());
    }

    /**
     * Gated DeltaNet: {@code in_proj_qkvz [2·key_dim + 2·value_dim, H]}, {@code in_proj_ba [2·value_heads, H]},
     * the depthwise {@code conv1d [conv_dim, 1, k]} over q, k and v (no bias), {@code dt_bias} and {@code A_log}
     * per value head, the gated RMSNorm over one value head, {@code out_proj [H, value_dim]}.
     */
    private static void deltaNet(TensorListBuilder.Scope layer, String p, long h, Attention.GatedDeltaNet d) {
        long keyDim = (long) d.keyHeads() * d.keyHeadDim();
        long valueDim = (long) d.valueHeads() * d.valueHeadDim();
        layer.matrix(p + "in_proj_qkvz.weight", MIXER_PROJECTION, 2 * keyDim + 2 * valueDim, h);
        layer.matrix(p + "in_proj_ba.weight", MIXER_PROJECTION, 2L * d.valueHeads(), h);
        layer.tensor(p + "conv1d.weight", MIXER_STATE, List.of(d.convChannels(), 1L, (long) d.convKernel()), 2);
        layer.vector(p + "dt_bias", MIXER_STATE, d.valueHeads());
        layer.vector(p + "A_log", MIXER_STATE, d.valueHeads());
        layer.vector(p + "norm.weight", MIXER_STATE, d.valueHeadDim());
        layer.matrix(p + "out_proj.weight", MIXER_PROJECTION, h, valueDim);
    }
}
