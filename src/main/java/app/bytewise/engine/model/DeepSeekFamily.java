package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.*;

import java.util.ArrayList;
import java.util.List;

/**
 * DeepSeek-V2, V3 and R1, and Kimi K2 ({@code kimi_k2}: not a transformers type; its remote code is a
 * copy of DeepseekV3, and mlx-lm maps {@code kimi_k2} to {@code deepseek_v3}), from ({@code configuration_deepseek_v2.py},
 * {@code configuration_deepseek_v3.py}, {@code modeling_deepseek_v3.py} in transformers): multi-head
 * latent attention in every layer; the first {@code first_k_dense_replace} layers dense, the others
 * (every {@code moe_layer_freq}-th) a mixture of {@code n_routed_experts} routed experts and
 * {@code n_shared_experts} shared ones, all {@code moe_intermediate_size} wide. V3's router has an
 * {@code e_score_correction_bias} ({@code topk_method: noaux_tc}).
 *
 * <p>The checkpoints also store {@code num_nextn_predict_layers} multi-token-prediction layers after
 * the last decoder layer; inference in transformers does not load them, so they are not parameters
 * here (DeepSeek-V3's {@code README_WEIGHTS.md}: 671B main model weights and 14B MTP module weights).
 */
public record DeepSeekFamily(String modelType) implements ModelFamily {

    private boolean v3() {
        return !modelType.equals("deepseek_v2");
    }

    @Override
    public Architecture architecture(ModelConfig c) {
        // Defaults of DeepseekV3Config (DeepSeek-V3's shape) and DeepseekV2Config (a Llama-7B-like shape).
        boolean v3 = v3();
        long hidden = c.optionalLong(HIDDEN, "hidden_size").orElse(v3 ? 7168L : 4096L);
        int layers = c.optionalInt(LAYERS, "num_hidden_layers").orElse(v3 ? 61 : 32);
        int heads = c.optionalInt(HEADS, "num_attention_heads").orElse(v3 ? 128 : 32);
        // q_lora_rank: null means queries are projected directly (DeepSeek-V2-Lite); absent means the default.
        int qLora = c.has("q_lora_rank") ? c.optionalInt(HIDDEN, "q_lora_rank").orElseThrow()
                : c.json().has("q_lora_rank") ? 0 : 1536;
        int kvLora = c.optionalInt(HIDDEN, "kv_lora_rank").orElse(512);
        int nope = c.optionalInt(HEAD_DIM, "qk_nope_head_dim").orElse(128);
        int rope = c.optionalInt(HEAD_DIM, "qk_rope_head_dim").orElse(64);
        int vDim = c.optionalInt(HEAD_DIM, "v_head_dim").orElse(128);
        Attention mla = new Attention.Latent(heads, qLora, kvLora, nope, rope, vDim);
        long denseWidth = c.optionalLong(INTERMEDIATE, "intermediate_size").orElse(v3 ? 18432L : 11008L);
        int routed = c.optionalInt(EXPERTS, "n_routed_experts").orElse(v3 ? 256 : 64);
        // DeepseekV2Config leaves num_experts_per_tok at None: an MoE config must say it.
        int perToken = ModelFamily.checkedExpertsPerToken(c, routed, v3
                ? c.optionalInt(EXPERTS, "num_experts_per_tok").orElse(8) : c.requiredInt(EXPERTS, "num_experts_per_tok"));
        int shared = c.has("n_shared_experts") ? c.optionalInt(EXPERTS, "n_shared_experts").orElse(0)
                : c.json().has("n_shared_experts") ? 0 : (v3 ? 1 : 2);
        long expertWidth = c.optionalLong(INTERMEDIATE, "moe_intermediate_size").orElse(v3 ? 2048L : 1407L);
        int firstMoe = c.optionalInt(LAYERS, "first_k_dense_replace").orElse(v3 ? 3 : 0);
        int frequency = c.optionalInt(LAYERS, "moe_layer_freq").orElse(1);
        Mlp dense = new Mlp.Dense(denseWidth, true);
        Mlp moe = new Mlp.Moe(routed, perToken, expertWidth, (long) shared * expertWidth, true);
        List<LayerBlock> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            // DeepSeek's own modeling code (and transformers' for moe_layer_freq 1, the only value published):
            // an MoE layer where n_routed_experts is set, i >= first_k_dense_replace and i % moe_layer_freq == 0.
            boolean isMoe = routed > 0 && i >= firstMoe && i % frequency == 0;
            stack.add(new LayerBlock(1, mla, isMoe ? moe : dense));
        }
        return Architecture.of(modelType, hidden, c.optionalLong(VOCABULARY, "vocab_size").orElse(v3 ? 129_280L : 32_000L),
                c.bool("tie_word_embeddings", false), c.optionalLong(POSITIONS, "max_position_embeddings").orElse(
                        v3 ? 4096L : 2048L), stack);
    }

    @Override
    public List<TensorGroup> tensorGroups(ModelConfig c, Architecture a) {
        long h = a.hiddenSize();
        TensorListBuilder tensors = new TensorListBuilder(a.layers());
        tensors.once().matrix("model.embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        boolean scoreBias = v3() && c.optionalString("topk_method").orElse("noaux_tc").equals("noaux_tc");
        int first = 0;
        for (LayerBlock block : a.blocks()) {
            layers(tensors, first, block, h, scoreBias);
            first += block.count();
        }
        tensors.once().vector("model.norm.weight", NORM, h);
        if (!a.tiedEmbeddings()) {
            tensors.once().matrix("lm_head.weight", OUTPUT, a.vocabSize(), h);
        }
        return tensors.build();
    }

    /** The tensors of {@code block}'s layers from {@code first}: attention, norms and a dense or MoE MLP. */
    private static void layers(TensorListBuilder tensors, int first, LayerBlock block, long h, boolean scoreBias) {
        String p = DecoderTensors.LAYER_PREFIX;
        TensorListBuilder.Scope layer = tensors.layers(first, block.count());
        Attention.Latent mla = (Attention.Latent) block.attention();
        layer.vector(p + "input_layernorm.weight", NORM, h);
        latentAttention(layer, p + "self_attn.", h, mla);
        layer.vector(p + "post_attention_layernorm.weight", NORM, h);
        switch (block.mlp()) {
            case Mlp.Dense d -> DecoderTensors.gatedMlp(layer, p + "mlp.", h, d.intermediate());
            case Mlp.Moe m -> {
                DecoderTensors.routedExperts(tensors, first, block.count(), p + "mlp.", h, m);
                TensorListBuilder.Scope after = tensors.layers(first, block.count());
                if (scoreBias) {
                    after.vector(p + "mlp.gate.e_score_correction_bias", BIAS, m.experts());
                }
                if (m.sharedIntermediate() > 0) {
                    DecoderTensors.gatedMlp(after, p + "mlp.shared_experts.", h, m.sharedIntermediate());
                }
            }
            case Mlp.None n -> throw new IllegalStateException("DeepSeek layers all have an MLP");
        }
    }

    /**
     * The {@code num_nextn_predict_layers} MTP modules stored after the last layer (README_WEIGHTS.md,
     * deepseek-ai/DeepSeek-V3 @9b4e978): a decoder layer like the main model's last, {@code enorm},
     * {@code hnorm}, {@code eh_proj [hidden, 2·hidden]}, and its own copies of {@code embed_tokens} and
     * {@code shared_head.head} with {@code shared_head.norm} (the names vLLM's {@code deepseek_mtp.py} loads).
     * The checkpoint stores the shared embedding and head again: with both, DeepSeek-V3's files hold
     * exactly the 684,531,386,000 elements the Hugging Face API reports. A value that is not a layer
     * count leaves them out rather than refuse a config that counts fine without them.
     */
    @Override
    public List<TensorGroup> unloadedGroups(ModelConfig c, Architecture a) {
        var node = c.json().get("num_nextn_predict_layers");
        int count = node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() > 0
                && node.intValue() <= a.layers() ? node.intValue() : 0;
        if (count == 0 || !v3()) {
            return List.of();
        }
        long h = a.hiddenSize();
        boolean scoreBias = c.optionalString("topk_method").orElse("noaux_tc").equals("noaux_tc");
        TensorListBuilder tensors = new TensorListBuilder(count);
        LayerBlock last = a.blocks().getLast();
        String p = DecoderTensors.LAYER_PREFIX;
        TensorListBuilder.Scope mtp = tensors.layers(a.layers(), count);
        mtp.matrix(p + "embed_tokens.weight", TOKEN_EMBEDDING, a.vocabSize(), h);
        mtp.vector(p + "enorm.weight", NORM, h);
        mtp.vector(p + "hnorm.weight", NORM, h);
        mtp.matrix(p + "eh_proj.weight", EMBEDDING_PROJECTION, h, 2 * h);
        layers(tensors, a.layers(), new LayerBlock(count, last.attention(), last.mlp()), h, scoreBias);
        TensorListBuilder.Scope head = tensors.layers(a.layers(), count);
        head.vector(p + "shared_head.norm.weight", NORM, h);
        head.matrix(p + "shared_head.head.weight", OUTPUT, a.vocabSize(), h);
        return tensors.build();
    }

    /**
     * Queries through a low-rank {@code q_a_proj}/{@code q_b_proj} pair (or one {@code q_proj} when
     * {@code q_lora_rank} is null); keys and values through {@code kv_a_proj_with_mqa} to the latent
     * plus the shared rotary key, then {@code kv_b_proj} back to per-head keys and values.
     */
    private static void latentAttention(TensorListBuilder.Scope layer, String p, long h, Attention.Latent mla) {
        long queryWidth = (long) mla.heads() * mla.qkHeadDim();
        if (mla.qLoraRank() > 0) {
            layer.matrix(p + "q_a_proj.weight", ATTN_Q, mla.qLoraRank(), h);
            layer.vector(p + "q_a_layernorm.weight", NORM, mla.qLoraRank());
            layer.matrix(p + "q_b_proj.weight", ATTN_Q, queryWidth, mla.qLoraRank());
        } else {
            layer.matrix(p + "q_proj.weight", ATTN_Q, queryWidth, h);
        }
        layer.matrix(p + "kv_a_proj_with_mqa.weight", ATTN_K, mla.cachedValuesPerToken(), h);
        layer.vector(p + "kv_a_layernorm.weight", NORM, mla.kvLoraRank());
        layer.matrix(p + "kv_b_proj.weight", ATTN_V, (long) mla.heads() * (mla.qkNopeHeadDim() + mla.vHeadDim()),
                mla.kvLoraRank());
        layer.matrix(p + "o_proj.weight", ATTN_OUTPUT, h, (long) mla.heads() * mla.vHeadDim());
    }
}
