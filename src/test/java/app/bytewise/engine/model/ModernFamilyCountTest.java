package app.bytewise.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.bytewise.engine.TestModels;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 2025–2026 families counted from their real configs, against published counts: KerasHub's preset
 * metadata (counted from the instantiated models) and the Hugging Face API's safetensors totals of
 * 16-bit checkpoints, each cited in the catalog file's publishedSource.
 */
class ModernFamilyCountTest {

    private static Model model(String id) {
        return TestModels.model(id);
    }

    private static List<Long> shape(Model m, String tensor) {
        return m.tensors().stream().filter(t -> t.name().equals(tensor)).findFirst().orElseThrow().shape();
    }

    @Test
    void exactCountsMatchThePublishedOnes() {
        assertThat(model("qwen3-0-6b").parameters()).isEqualTo(596_049_920L);
        assertThat(model("qwen3-8b").parameters()).isEqualTo(8_190_735_360L);
        assertThat(model("qwen3-32b").parameters()).isEqualTo(32_762_123_264L);
        assertThat(model("qwen3-30b-a3b").parameters()).isEqualTo(30_532_122_624L);
        assertThat(model("qwen3-235b-a22b").parameters()).isEqualTo(235_093_634_560L);
        assertThat(model("qwen1-5-moe-a2-7b").parameters()).isEqualTo(14_315_784_192L);
        assertThat(model("gpt-oss-20b").parameters()).isEqualTo(20_914_757_184L);
        assertThat(model("gpt-oss-120b").parameters()).isEqualTo(116_829_156_672L);
        assertThat(model("deepseek-v2-lite").parameters()).isEqualTo(15_706_484_224L);
        assertThat(model("gemma-3-1b").parameters()).isEqualTo(999_885_952L);
        // Language model, SigLIP tower (416,866,032) and projector.
        assertThat(model("gemma-3-27b").parameters()).isEqualTo(27_432_406_640L);
        assertThat(model("gemma-3-4b").parameters()).isEqualTo(4_300_079_472L);
        assertThat(model("gemma-3-12b").parameters()).isEqualTo(12_187_325_040L);
        // Mistral Small 3: 128-wide heads on a 5,120 hidden size (32 × 128 = 4,096).
        assertThat(model("mistral-small-24b-base-2501").parameters()).isEqualTo(23_572_403_200L);
        // Language model, vision encoder, adapter and projector (871,932,416 together).
        assertThat(model("llama-4-scout-17b-16e").parameters()).isEqualTo(108_641_793_536L);
        assertThat(model("llama-4-maverick-17b-128e").parameters()).isEqualTo(401_583_781_376L);
    }

    @Test
    void deepSeekV3IsTheMainModelWithoutTheMtpLayer() {
        Model v3 = model("deepseek-v3");
        // README_WEIGHTS.md: 671B main model weights (the 14B of the MTP module are not loaded for inference).
        assertThat(v3.parameters()).isEqualTo(671_026_419_200L);
        assertThat(v3.tensors()).extracting(Tensor::name).noneMatch(n -> n.startsWith("model.layers.61."));
        Architecture a = v3.architecture().orElseThrow();
        assertThat(a.blocks()).extracting(LayerBlock::count, b -> (Object) b.mlp().getClass()).containsExactly(
                tuple(3, Mlp.Dense.class), tuple(58, Mlp.Moe.class));
        // The MLA latent: (512 + 64) values per token per layer, 61 layers, 32K tokens, 2 bytes: "2.3 GB".
        assertThat(KvCache.bytes(a, KvFormat.BF16, 32_768, 1, 0)).isEqualTo(61L * 576 * 32_768 * 2);
        assertThat(shape(v3, "model.layers.3.self_attn.kv_a_proj_with_mqa.weight")).containsExactly(576L, 7168L);
        assertThat(shape(v3, "model.layers.3.self_attn.kv_b_proj.weight")).containsExactly(128L * 256, 512L);
        assertThat(shape(v3, "model.layers.3.mlp.gate.e_score_correction_bias")).containsExactly(256L);
        assertThat(shape(v3, "model.layers.3.mlp.shared_experts.down_proj.weight")).containsExactly(7168L, 2048L);
        assertThat(shape(v3, "model.layers.60.mlp.experts.255.up_proj.weight")).containsExactly(2048L, 7168L);
        assertThat(shape(v3, "model.layers.2.mlp.gate_proj.weight")).containsExactly(18432L, 7168L);
    }

    @Test
    void deepSeekV2LiteProjectsQueriesDirectly() {
        Model lite = model("deepseek-v2-lite");
        assertThat(shape(lite, "model.layers.0.self_attn.q_proj.weight")).containsExactly(16L * 192, 2048L);
        assertThat(lite.tensors()).extracting(Tensor::name).doesNotContain("model.layers.0.self_attn.q_a_proj.weight",
                "model.layers.1.mlp.gate.e_score_correction_bias");
    }

    @Test
    void qwen3HasPerHeadNormsAndAnExplicitHeadDim() {
        Model qwen = model("qwen3-8b");
        assertThat(shape(qwen, "model.layers.0.self_attn.q_norm.weight")).containsExactly(128L);
        assertThat(shape(qwen, "model.layers.35.self_attn.k_norm.weight")).containsExactly(128L);
        // 30B-A3B: 32 heads × 128 = 4096 wide on a 2048 hidden size.
        Model moe = model("qwen3-30b-a3b");
        assertThat(shape(moe, "model.layers.0.self_attn.q_proj.weight")).containsExactly(4096L, 2048L);
        assertThat(shape(moe, "model.layers.47.mlp.experts.127.down_proj.weight")).containsExactly(2048L, 768L);
        assertThat(moe.activeParameters()).isEqualTo(3_353_032_704L);
    }

    @Test
    void qwen2MoeHasASharedExpertWithItsGate() {
        Model moe = model("qwen1-5-moe-a2-7b");
        assertThat(shape(moe, "model.layers.0.mlp.shared_expert.gate_proj.weight")).containsExactly(5632L, 2048L);
        assertThat(shape(moe, "model.layers.0.mlp.shared_expert_gate.weight")).containsExactly(1L, 2048L);
        assertThat(shape(moe, "model.layers.0.self_attn.q_proj.bias")).containsExactly(2048L);
    }

    @Test
    void gptOssAlternatesWindowsAndStoresItsExpertsFused() {
        Model oss = model("gpt-oss-20b");
        Architecture a = oss.architecture().orElseThrow();
        assertThat(a.layersOf(Attention.Sliding.class)).isEqualTo(12);
        assertThat(a.blocks().getFirst().attention()).isInstanceOf(Attention.Sliding.class);
        assertThat(shape(oss, "model.layers.0.mlp.experts.gate_up_proj")).containsExactly(32L, 2880L, 5760L);
        assertThat(shape(oss, "model.layers.23.mlp.experts.down_proj_bias")).containsExactly(32L, 2880L);
        assertThat(shape(oss, "model.layers.0.self_attn.sinks")).containsExactly(64L);
        // One group for all 24 layers though sliding and full layers alternate: their tensors are alike.
        assertThat(oss.tensorGroups()).filteredOn(g -> g.pattern().endsWith("q_proj.weight")).singleElement()
                .extracting(TensorGroup::layers).isEqualTo(24);
        // 4 of 32 experts per token.
        assertThat(oss.activeParameters()).isEqualTo(4_187_440_704L);
        // 12 sliding layers keep 128 tokens, 12 full ones all 32K: 8 KV heads × 64 × 2 × 2 bytes per token.
        assertThat(KvCache.bytes(a, KvFormat.BF16, 32_768, 1, 0)).isEqualTo(12L * 2048 * (128 + 32_768));
    }

    @Test
    void gemma3SlidesFiveLayersInSixAndCountsItsVisionTower() {
        Architecture a = model("gemma-3-1b").architecture().orElseThrow();
        assertThat(a.layersOf(Attention.Sliding.class)).isEqualTo(22);
        assertThat(a.slidingPattern()).isEqualTo("5 of every 6 layers");
        Model big = model("gemma-3-27b");
        assertThat(shape(big, "language_model.model.layers.61.post_feedforward_layernorm.weight")).containsExactly(5376L);
        assertThat(shape(big, "vision_tower.vision_model.embeddings.position_embedding.weight")).containsExactly(4096L, 1152L);
        assertThat(shape(big, "multi_modal_projector.mm_input_projection_weight")).containsExactly(1152L, 5376L);
        assertThat(big.tensors()).extracting(Tensor::name).doesNotContain("lm_head.weight", "language_model.lm_head.weight");
    }

    @Test
    void llama4ChunksThreeLayersInFourAndInterleavesExperts() {
        Model maverick = model("llama-4-maverick-17b-128e");
        Architecture a = maverick.architecture().orElseThrow();
        assertThat(a.layersOf(Attention.Chunked.class)).isEqualTo(36);
        assertThat(a.kinds()).extracting(k -> (Object) k.mlp().getClass()).contains(Mlp.Dense.class, Mlp.Moe.class);
        String p = "language_model.model.layers.";
        assertThat(shape(maverick, p + "1.feed_forward.experts.gate_up_proj")).containsExactly(128L, 5120L, 16384L);
        assertThat(shape(maverick, p + "0.feed_forward.down_proj.weight")).containsExactly(5120L, 16384L);
        assertThat(shape(maverick, p + "1.feed_forward.shared_expert.up_proj.weight")).containsExactly(8192L, 5120L);
        // Chunked layers keep at most 8,192 tokens; the 12 NoPE layers all of them.
        long perToken = 2L * 8 * 128 * 2;
        assertThat(KvCache.bytes(a, KvFormat.BF16, 131_072, 1, 0)).isEqualTo(perToken * (36L * 8192 + 12L * 131_072));
    }

    @Test
    void anUnknownMultimodalTypeCountsItsKnownLanguageModelAndSaysTheTowerIsNot() {
        // Mistral Small 3.1 (mistral3): Mistral Small 3's text model beside a Pixtral vision encoder.
        Model m = ModelReader.read("m", "m", JsonMapper.builder().build().readTree("""
                {"model_type": "mistral3", "vision_config": {"model_type": "pixtral", "hidden_size": 1024},
                 "text_config": {"model_type": "mistral", "hidden_size": 5120, "intermediate_size": 32768,
                  "num_hidden_layers": 40, "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128,
                  "vocab_size": 131072, "sliding_window": null}}"""), "config");
        assertThat(m.parameters()).isEqualTo(23_572_403_200L);
        assertThat(m.notes()).singleElement().asString().startsWith("WARNING").contains("pixtral")
                .contains("NOT counted");
        assertThat(m.isGuess()).isFalse();
    }

    @Test
    void phi35MoeHasLayerNormBiasesAndAnOutputBias() {
        // Phi-3.5-MoE-instruct's config.json values (model card: 41.9B parameters, 6.6B active).
        Model phi = ModelReader.read("phi", "phi", JsonMapper.builder().build().readTree("""
                {"model_type": "phimoe", "hidden_size": 4096, "intermediate_size": 6400, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "num_key_value_heads": 8, "num_local_experts": 16,
                 "num_experts_per_tok": 2, "vocab_size": 32064, "attention_bias": true, "lm_head_bias": true,
                 "max_position_embeddings": 131072, "sliding_window": null}"""), "config");
        assertThat(phi.parameters()).isEqualTo(41_873_153_344L);
        assertThat(phi.activeParameters()).isBetween(6_550_000_000L, 6_650_000_000L);
        assertThat(phi.tensors()).extracting(Tensor::name).contains("model.layers.0.input_layernorm.bias",
                "lm_head.bias", "model.layers.31.block_sparse_moe.experts.15.w2.weight");
    }
}
