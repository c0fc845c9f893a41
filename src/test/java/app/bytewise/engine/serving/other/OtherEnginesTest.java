package app.bytewise.engine.serving.other;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.engine.TestModels;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.sglang.SglangProfile;
import app.bytewise.engine.serving.transformers.TransformersProfile;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** transformers' DynamicCache and SGLang's token pool against what they print or their source states. */
class OtherEnginesTest {

    @Test
    void transformersCachesDeepSeekV3Decompressed() {
        // modeling_deepseek_v3.py caches 128 heads' 192-wide keys and 128-wide values: 61 × 128 × 320 × 2 bytes.
        EngineAllocation e = TransformersProfile.allocate(TestModels.model("deepseek-v3"), 1_000, 1, 2);
        assertThat(e.kvCacheBytes()).isEqualTo(4_997_120L * 1_000);
    }

    @Test
    void transformersSlidingLayersKeepTheWindowLessOne() {
        // gpt-oss-20b: 12 full layers of 8 KV heads × 64, 12 sliding ones keeping 127 tokens (DynamicSlidingWindowLayer).
        EngineAllocation e = TransformersProfile.allocate(TestModels.model("gpt-oss-20b"), 32_768, 1, 2);
        assertThat(e.kvCacheBytes()).isEqualTo(12L * 32_768 * 512 * 2 * 2 + 12L * 127 * 512 * 2 * 2);
    }

    @Test
    void sglangDefaultMemFractionOnAnH100() {
        // server_args.py: 81,559 MiB, chunked prefill 8,192, CUDA-graph batch 256 → reserved max(13,440, 10,240) MiB.
        assertThat(SglangProfile.memFractionStatic(81_559, 1)).isEqualTo(0.835);
        assertThat(SglangProfile.memFractionStatic(81_559, 8)).isEqualTo(0.818);
    }

    @Test
    void sglangLogsItsPoolAsQwen3At235bOnFourH100s() {
        // vllm-project/vllm#21348, SGLang with --tp 4 on Qwen3-235B-A22B-FP8: "KV Cache is allocated. #tokens:
        // 367404, K size: 8.23 GB, V size: 8.23 GB" — 94 layers, 4 KV heads over 4 ranks, head_dim 128, BF16.
        EngineAllocation e = SglangProfile.allocate(TestModels.model("qwen3-235b-a22b"), OptionalLong.of(367_404),
                Optional.empty(), 4, Optional.empty(), 0, 0);
        assertThat(e.log()).containsExactly("KV Cache is allocated. #tokens: 367404, K size: 8.23 GB, V size: 8.23 GB");
    }

    @Test
    void theComparisonShowsDeepSeekV3SeventyOneTimesApart() {
        var rows = app.bytewise.engine.serving.EngineComparison.of(TestModels.model("deepseek-v3"), 32_768, 1,
                Optional.empty(), 1, 0, 1L << 30);
        assertThat(rows).extracting(app.bytewise.engine.serving.EngineComparison.Row::engine)
                .containsExactly("llama.cpp", "vLLM", "SGLang", "transformers");
        long llama = rows.get(0).allocation().orElseThrow().kvCacheBytes();
        long hf = rows.get(3).allocation().orElseThrow().kvCacheBytes();
        // 70,272 vs 4,997,120 bytes per token: the latent against decompressed heads.
        assertThat(llama).isEqualTo(70_272L * 32_768);
        assertThat(hf).isEqualTo(4_997_120L * 32_768);
        // Without a GPU, vLLM and SGLang cannot size their pools, and say why.
        assertThat(rows.get(1).allocation()).isEmpty();
        assertThat(rows.get(1).reason()).contains("choose a GPU");
    }
}
