package app.bytewise.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.inference.KvCache;
import app.bytewise.engine.inference.KvFormat;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * State-space and hybrid families (Mamba, Mamba-2, Jamba, Qwen3-Next) against published counts: the
 * Hugging Face API's safetensors totals of 16-bit checkpoints (AlexsJones/llmfit,
 * {@code llmfit-core/data/hf_models.json} @ 5bdc9df, {@code parameters_raw}) and the model cards. Their
 * recurrent layers keep a fixed FP32 state per sequence (llama.cpp's {@code n_embd_r + n_embd_s}), so the
 * cache of a pure Mamba model does not grow with the context, and a hybrid's grows only by its attention layers.
 */
class HybridFamilyCountTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** state-spaces/mamba-130m-hf's config.json values (the count below, to the parameter, depends on each). */
    private static final String MAMBA_130M = """
            {"model_type": "mamba", "hidden_size": 768, "num_hidden_layers": 24, "vocab_size": 50280,
             "state_size": 16, "expand": 2, "conv_kernel": 4, "intermediate_size": 1536, "time_step_rank": 48,
             "use_bias": false, "use_conv_bias": true}""";

    private static Model read(String json) {
        return ModelReader.read("m", "m", JSON.readTree(json), "config");
    }

    private static Model model(String id) {
        return TestModels.model(id);
    }

    private static List<Long> shape(Model m, String tensor) {
        return m.tensors().stream().filter(t -> t.name().equals(tensor)).findFirst().orElseThrow().shape();
    }

    /** The tensors of one layer, name and shape, in listing order. */
    private static List<Tuple> layer(Model m, int layer) {
        return m.tensors().stream().filter(t -> t.layer() == layer).map(t -> tuple(t.name(), t.shape())).toList();
    }

    private static long kv(Model m, long context) {
        return KvCache.bytes(m.architecture().orElseThrow(), KvFormat.BF16, context, 1, 0);
    }

    @Test
    void mambaCountsMatchTheCheckpoints() {
        // HF API: state-spaces/mamba-130m-hf 129,135,360; a third-party load into transformers 4.54.1's
        // MambaForCausalLM printed the same 129,135,360 (lm_head tied to the embeddings, counted once).
        Model small = read(MAMBA_130M);
        assertThat(small.parameters()).isEqualTo(129_135_360L);
        // state-spaces/mamba-370m-hf: 371,516,416. Written with the config class's rules instead of the
        // derived values: intermediate_size = int(expand × hidden), time_step_rank "auto" = ceil(1024 / 16).
        assertThat(read("""
                {"model_type": "mamba", "hidden_size": 1024, "num_hidden_layers": 48, "vocab_size": 50280,
                 "state_size": 16, "expand": 2, "time_step_rank": "auto", "use_bias": false}""").parameters())
                .isEqualTo(371_516_416L);
    }

    @Test
    void mambaListsItsMixerTensors() {
        Model m = read(MAMBA_130M);
        String p = "backbone.layers.0.";
        assertThat(layer(m, 0)).containsExactly(
                tuple(p + "norm.weight", List.of(768L)),
                tuple(p + "mixer.in_proj.weight", List.of(3072L, 768L)),
                tuple(p + "mixer.conv1d.weight", List.of(1536L, 1L, 4L)),
                tuple(p + "mixer.conv1d.bias", List.of(1536L)),
                tuple(p + "mixer.x_proj.weight", List.of(48L + 2 * 16, 1536L)),
                tuple(p + "mixer.dt_proj.weight", List.of(1536L, 48L)),
                tuple(p + "mixer.dt_proj.bias", List.of(1536L)),
                tuple(p + "mixer.A_log", List.of(1536L, 16L)),
                tuple(p + "mixer.D", List.of(1536L)),
                tuple(p + "mixer.out_proj.weight", List.of(768L, 1536L)));
        assertThat(m.tensors()).extracting(Tensor::name).contains("backbone.embeddings.weight", "backbone.norm_f.weight")
                .doesNotContain("lm_head.weight");
        assertThat(m.tensorCount()).isEqualTo(24 * 10 + 2);
    }

    @Test
    void mambaKeepsTheSameStateAtAnyContext() {
        Model m = read(MAMBA_130M);
        // MambaCache per layer: ssm_states [1536, 16] and the convolution's last 3 inputs of 1536 channels, FP32.
        long perLayer = (1536L * 16 + 3L * 1536) * 4;
        assertThat(kv(m, 1)).isEqualTo(24 * perLayer).isEqualTo(2_801_664L);
        assertThat(kv(m, 1_000_000)).isEqualTo(24 * perLayer);
    }

    @Test
    void mamba2Of27bMatchesAnIndependentCount() {
        // No exact count is published for state-spaces/mamba2-2.7b (its checkpoint is mamba_ssm's, not
        // safetensors). An independent port's test computes 2,702,599,680 unique parameters from the same
        // config: tied embeddings of the padded 50,288-row vocabulary, 64 layers of 40,216,560.
        Model m = model("mamba2-2-7b");
        assertThat(m.parameters()).isEqualTo(2_702_599_680L);
        String p = "backbone.layers.63.";
        // The same test: in_proj [10576, 2560], A_log [80], norm [5120].
        assertThat(layer(m, 63)).containsExactly(
                tuple(p + "norm.weight", List.of(2560L)),
                tuple(p + "mixer.in_proj.weight", List.of(5120L + 5376 + 80, 2560L)),
                tuple(p + "mixer.conv1d.weight", List.of(5376L, 1L, 4L)),
                tuple(p + "mixer.conv1d.bias", List.of(5376L)),
                tuple(p + "mixer.dt_bias", List.of(80L)),
                tuple(p + "mixer.A_log", List.of(80L)),
                tuple(p + "mixer.D", List.of(80L)),
                tuple(p + "mixer.norm.weight", List.of(5120L)),
                tuple(p + "mixer.out_proj.weight", List.of(2560L, 5120L)));
        assertThat(m.tensors()).extracting(Tensor::name).doesNotContain("lm_head.weight");
    }

    @Test
    void mamba2HasNoKvCacheOnlyAFixedState() {
        Model m = model("mamba2-2-7b");
        Architecture a = m.architecture().orElseThrow();
        assertThat(a.kinds()).singleElement().satisfies(k -> {
            assertThat(k.attention().cachedValuesPerToken()).isZero();
            assertThat(((Attention.Mamba) k.attention()).headDim()).isEqualTo(64);
        });
        // The independent port's recurrent state: ssm [80, 64, 128] and conv over 5,376 channels (llama.cpp
        // keeps its last 3 inputs), per layer and sequence, in FP32.
        long perSequence = 64L * (80 * 64 * 128 + 3 * 5376) * 4;
        assertThat(kv(m, 4096)).isEqualTo(perSequence).isEqualTo(171_900_928L);
        assertThat(kv(m, 1_048_576)).isEqualTo(perSequence);
        assertThat(KvCache.bytes(a, KvFormat.BF16, 4096, 8, 0)).isEqualTo(8 * perSequence);
    }

    @Test
    void jambaMatchesTheJambaMiniCheckpointAndThe52bCard() {
        Model jamba = model("jamba-v0-1");
        // HF API: ai21labs/AI21-Jamba-Mini-1.5, the same architecture, 51,570,323,328; the paper: 52B total, 12B active.
        assertThat(jamba.parameters()).isEqualTo(51_570_323_328L);
        assertThat(jamba.activeParameters()).isBetween(11_500_000_000L, 12_500_000_000L);
        Architecture a = jamba.architecture().orElseThrow();
        assertThat(a.layersOf(Attention.Full.class)).isEqualTo(4);
        assertThat(a.layersOf(Attention.Mamba.class)).isEqualTo(28);
        assertThat(a.blocks().get(4).attention()).isEqualTo(new Attention.Full(32, 8, 128));
    }

    @Test
    void jambaListsMambaAttentionDenseAndExpertLayers() {
        Model jamba = model("jamba-v0-1");
        String p = "model.layers.0.";
        assertThat(layer(jamba, 0)).containsExactly(
                tuple(p + "input_layernorm.weight", List.of(4096L)),
                tuple(p + "mamba.in_proj.weight", List.of(16384L, 4096L)),
                tuple(p + "mamba.conv1d.weight", List.of(8192L, 1L, 4L)),
                tuple(p + "mamba.conv1d.bias", List.of(8192L)),
                tuple(p + "mamba.x_proj.weight", List.of(256L + 32, 8192L)),
                tuple(p + "mamba.dt_proj.weight", List.of(8192L, 256L)),
                tuple(p + "mamba.dt_proj.bias", List.of(8192L)),
                tuple(p + "mamba.A_log", List.of(8192L, 16L)),
                tuple(p + "mamba.D", List.of(8192L)),
                tuple(p + "mamba.out_proj.weight", List.of(4096L, 8192L)),
                tuple(p + "mamba.dt_layernorm.weight", List.of(256L)),
                tuple(p + "mamba.b_layernorm.weight", List.of(16L)),
                tuple(p + "mamba.c_layernorm.weight", List.of(16L)),
                tuple(p + "pre_ff_layernorm.weight", List.of(4096L)),
                tuple(p + "feed_forward.gate_proj.weight", List.of(14336L, 4096L)),
                tuple(p + "feed_forward.up_proj.weight", List.of(14336L, 4096L)),
                tuple(p + "feed_forward.down_proj.weight", List.of(4096L, 14336L)));
        String q = "model.layers.4.";
        assertThat(layer(jamba, 4)).containsExactly(
                tuple(q + "input_layernorm.weight", List.of(4096L)),
                tuple(q + "self_attn.q_proj.weight", List.of(4096L, 4096L)),
                tuple(q + "self_attn.k_proj.weight", List.of(1024L, 4096L)),
                tuple(q + "self_attn.v_proj.weight", List.of(1024L, 4096L)),
                tuple(q + "self_attn.o_proj.weight", List.of(4096L, 4096L)),
                tuple(q + "pre_ff_layernorm.weight", List.of(4096L)),
                tuple(q + "feed_forward.gate_proj.weight", List.of(14336L, 4096L)),
                tuple(q + "feed_forward.up_proj.weight", List.of(14336L, 4096L)),
                tuple(q + "feed_forward.down_proj.weight", List.of(4096L, 14336L)));
        assertThat(shape(jamba, "model.layers.1.feed_forward.router.weight")).containsExactly(16L, 4096L);
        assertThat(shape(jamba, "model.layers.31.feed_forward.experts.15.down_proj.weight")).containsExactly(4096L, 14336L);
        assertThat(jamba.tensors()).extracting(Tensor::name).contains("model.final_layernorm.weight", "lm_head.weight")
                .doesNotContain("model.layers.0.feed_forward.router.weight", "model.layers.4.mamba.A_log");
    }

    @Test
    void jambaCachesFourAttentionLayersAndKeeps28MambaStates() {
        Model jamba = model("jamba-v0-1");
        long mambaStates = 28L * (8192 * 16 + 3 * 8192) * 4;
        long kvPerToken = 4L * 2 * 8 * 128 * 2;
        assertThat(kv(jamba, 8192)).isEqualTo(kvPerToken * 8192 + mambaStates);
        // The paper's Table 1: a 4GB KV cache at 256K tokens in 16-bit (4 GiB exactly), plus 17 MB of Mamba state.
        assertThat(kvPerToken * 262_144).isEqualTo(4L << 30);
        assertThat(kv(jamba, 262_144)).isEqualTo((4L << 30) + mambaStates);
        assertThat(mambaStates).isEqualTo(17_432_576L);
        // Dense and MoE Mamba layers are two layer kinds but one cache shape: the step notes all 28 once.
        assertThat(KvCache.step(jamba.architecture().orElseThrow(), KvFormat.BF16, 8192, 1, 0).note())
                .contains("28 × Mamba-1 mixer").contains("4 × 32 heads × 128, 8 KV heads");
    }

    @Test
    void qwen3NextIsTheCheckpointWithoutItsMtpLayer() {
        Model next = model("qwen3-next-80b-a3b-instruct");
        // The loader's count: the main model, as transformers loads it (mtp.* ignored).
        assertThat(next.parameters()).isEqualTo(79_674_391_296L);
        assertThat(next.tensors()).extracting(Tensor::name).noneMatch(n -> n.startsWith("mtp."));
        // HF API safetensors total of the BF16 checkpoint, 81,324,862,720, also holds the MTP module (vLLM's
        // qwen3_next_mtp.py @ ffdc985): fc [2048, 4096], one more full-attention MoE layer (the same tensors
        // as layer 3), a final norm and two pre-fc norms; it shares the embeddings and lm_head.
        long fullAttentionLayer = next.tensors().stream().filter(t -> t.layer() == 3).mapToLong(Tensor::elements).sum();
        long mtp = 2048L * 4096 + fullAttentionLayer + 3 * 2048;
        assertThat(mtp).isEqualTo(1_650_471_424L);
        assertThat(next.parameters() + mtp).isEqualTo(81_324_862_720L);
        // The card: 80B total, 79B non-embedding (embeddings and lm_head are 2 × 151,936 × 2,048).
        assertThat(next.parameters() - 2L * 151_936 * 2048).isBetween(78_500_000_000L, 79_500_000_000L);
        Architecture a = next.architecture().orElseThrow();
        assertThat(a.layersOf(Attention.GatedDeltaNet.class)).isEqualTo(36);
        assertThat(a.layersOf(Attention.Full.class)).isEqualTo(12);
        assertThat(a.blocks().subList(0, 2)).extracting(LayerBlock::count).containsExactly(3, 1);
    }

    @Test
    void qwen3NextListsGatedAttentionAndDeltaNetLayers() {
        Model next = model("qwen3-next-80b-a3b-instruct");
        String p = "model.layers.0.";
        List<Tuple> deltaNet = layer(next, 0);
        assertThat(deltaNet.subList(0, 9)).containsExactly(
                tuple(p + "input_layernorm.weight", List.of(2048L)),
                tuple(p + "linear_attn.in_proj_qkvz.weight", List.of(2L * 2048 + 2 * 4096, 2048L)),
                tuple(p + "linear_attn.in_proj_ba.weight", List.of(64L, 2048L)),
                tuple(p + "linear_attn.conv1d.weight", List.of(8192L, 1L, 4L)),
                tuple(p + "linear_attn.dt_bias", List.of(32L)),
                tuple(p + "linear_attn.A_log", List.of(32L)),
                tuple(p + "linear_attn.norm.weight", List.of(128L)),
                tuple(p + "linear_attn.out_proj.weight", List.of(2048L, 4096L)),
                tuple(p + "post_attention_layernorm.weight", List.of(2048L)));
        // Router, 512 experts × 3 projections, shared expert (3) and its gate.
        assertThat(deltaNet).hasSize(9 + 1 + 512 * 3 + 3 + 1);
        String q = "model.layers.3.";
        assertThat(layer(next, 3).subList(0, 8)).containsExactly(
                tuple(q + "input_layernorm.weight", List.of(2048L)),
                // Query and output gate: 2 × 16 heads × 256.
                tuple(q + "self_attn.q_proj.weight", List.of(8192L, 2048L)),
                tuple(q + "self_attn.k_proj.weight", List.of(512L, 2048L)),
                tuple(q + "self_attn.v_proj.weight", List.of(512L, 2048L)),
                tuple(q + "self_attn.o_proj.weight", List.of(2048L, 4096L)),
                tuple(q + "self_attn.q_norm.weight", List.of(256L)),
                tuple(q + "self_attn.k_norm.weight", List.of(256L)),
                tuple(q + "post_attention_layernorm.weight", List.of(2048L)));
        assertThat(shape(next, "model.layers.47.mlp.experts.511.down_proj.weight")).containsExactly(2048L, 512L);
        assertThat(shape(next, "model.layers.47.mlp.shared_expert_gate.weight")).containsExactly(1L, 2048L);
    }

    @Test
    void qwen3NextCachesTwelveLayersAndKeeps36DeltaNetStates() {
        Model next = model("qwen3-next-80b-a3b-instruct");
        // The 12 gated-attention layers keep K and V of 2 heads × 256 per token (the gate is not cached).
        long kvPerToken = 12L * 2 * 2 * 256 * 2;
        // Each DeltaNet layer: recurrent state [32 value heads, 128, 128] plus the last 3 inputs of 8,192 conv channels.
        long states = 36L * (32 * 128 * 128 + 3 * 8192) * 4;
        assertThat(states).isEqualTo(79_036_416L);
        assertThat(kv(next, 4096)).isEqualTo(kvPerToken * 4096 + states);
        assertThat(kv(next, 262_144)).isEqualTo(kvPerToken * 262_144 + states);
    }

    @Test
    void inconsistentMixerShapesAreRefusedByName() {
        assertThatThrownBy(() -> read("""
                {"model_type": "mamba2", "hidden_size": 2560, "num_heads": 64, "head_dim": 64}"""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("5120");
        assertThatThrownBy(() -> read("""
                {"model_type": "mamba", "time_step_rank": "large"}""")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("auto");
        assertThatThrownBy(() -> read("""
                {"model_type": "jamba", "attn_layer_offset": 8}""")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("below its period");
        assertThatThrownBy(() -> read("""
                {"model_type": "qwen3_next", "linear_num_key_heads": 12}""")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("multiple");
    }
}
