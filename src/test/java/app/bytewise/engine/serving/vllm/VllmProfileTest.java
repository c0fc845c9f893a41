package app.bytewise.engine.serving.vllm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.serving.EngineAllocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** vLLM's startup figures, reproduced from the budget it printed beside them in public logs. */
class VllmProfileTest {

    private static EngineAllocation exact(String model, VllmSettings s) {
        return VllmProfile.allocate(TestModels.model(model), s, VllmBudget.of(s, Optional.empty(), 0, 0, 0));
    }

    @Test
    void gptOss120bOnVllm0112() {
        // blog.huikang.dev/2025/12/28/vllm-logs.html, vLLM v0.11.2, gpt-oss-120b, max_model_len 98,304, the API
        // server's max_num_batched_tokens 8,192: "Available KV cache memory: 8.99 GiB", "GPU KV cache size: 130,960
        // tokens", "Maximum concurrency for 98,304 tokens per request: 2.46x". 18 full + 18 sliding layers, pages of
        // 16 × 8 × (64 + 64) × 2 = 32,768 bytes, two groups of 18: 16,370 blocks of 18 pages print all three.
        EngineAllocation e = exact("gpt-oss-120b", VllmSettings.defaults(98_304).withBatchedTokens(8_192)
                .withKvCacheMemory(16_370L * 18 * 32_768));
        assertThat(e.log()).containsExactly("Available KV cache memory: 8.99 GiB", "GPU KV cache size: 130,960 tokens",
                "Maximum concurrency for 98,304 tokens per request: 2.46x");
        assertThat(e.starts()).isTrue();
    }

    @Test
    void llama31With1952Blocks() {
        // vllm-project/vllm#10517: Llama-3.1-8B-Instruct on an RTX 3090, "kv_cache_size=3.81GiB", "# GPU blocks: 1952",
        // "Maximum concurrency for 20000 tokens per request: 1.56x"; a block is 32 layers × 16 × 8 × 256 × 2 = 2 MiB.
        EngineAllocation e = exact("llama-3-1-8b", VllmSettings.defaults(20_000).withKvCacheMemory(1_952L << 21));
        assertThat(e.cacheTokens()).isEqualTo(1_952 * 16);
        assertThat(e.log()).contains("Available KV cache memory: 3.81 GiB",
                "Maximum concurrency for 20,000 tokens per request: 1.56x");
    }

    @Test
    void fp8CacheAndTheRefusalWithTheLongestLengthThatFits() {
        // vllm-project/vllm#25350, --kv-cache-dtype fp8 on a 48-layer, 4-KV-head model (Qwen3-30B-A3B's shape):
        // "Available KV cache memory: 10.55 GiB", "GPU KV cache size: 230,528 tokens", "Maximum concurrency for
        // 100,000 tokens per request: 2.31x"; 49,152 bytes per token, 14,408 blocks.
        EngineAllocation e = exact("qwen3-30b-a3b", VllmSettings.defaults(100_000).withKvCacheDtype("fp8")
                .withKvCacheMemory(14_408L * 16 * 49_152));
        assertThat(e.log()).containsExactly("Available KV cache memory: 10.55 GiB", "GPU KV cache size: 230,528 tokens",
                "Maximum concurrency for 100,000 tokens per request: 2.31x");
        // The same issue at max_model_len 221,000 with 5.59 GiB: "(10.12 GiB KV cache is needed, which is larger than
        // the available KV cache memory (5.59 GiB). Based on the available memory, the estimated maximum model length
        // is 122080."
        EngineAllocation refused = exact("qwen3-30b-a3b", VllmSettings.defaults(221_000).withKvCacheDtype("fp8")
                .withKvCacheMemory(7_630L * 16 * 49_152));
        assertThat(refused.starts()).isFalse();
        assertThat(refused.refusal().orElseThrow()).contains("max seq len (221000), (10.12 GiB KV cache is needed, "
                + "which is larger than the available KV cache memory (5.59 GiB). Based on the available memory, the "
                + "estimated maximum model length is 122080.");
    }

    @Test
    void mlaCachesOneLatentPerLayer() {
        // vllm-project/vllm#15871: DeepSeek-V2-Lite at max_model_len 32,768 needs "0.95 GiB" (27 layers × 576 × 2 bytes
        // per token) and had "0.93 GiB".
        EngineAllocation e = exact("deepseek-v2-lite", VllmSettings.defaults(32_768).withKvCacheMemory((long) (0.93 * (1L << 30))));
        assertThat(e.refusal().orElseThrow()).contains("(0.95 GiB KV cache is needed, which is larger than the available "
                + "KV cache memory (0.93 GiB)");
        // DeepSeek-V3: 61 × 576 × 2 = 70,272 bytes per token, and 61 × 656 = 40,016 with fp8_ds_mla.
        long budget = 61L * 1_152 * 64 * 1_000;
        assertThat(exact("deepseek-v3", VllmSettings.defaults(4_096).withKvCacheMemory(budget)).cacheTokens()).isEqualTo(64_000);
        assertThat(exact("deepseek-v3", VllmSettings.defaults(4_096).withKvCacheDtype("fp8_ds_mla")
                .withKvCacheMemory(61L * 656 * 64 * 1_000)).cacheTokens()).isEqualTo(64_000);
    }

    @Test
    void tensorParallelismSplitsKvHeadsAndRefusesUnevenHeads() {
        // Llama-3.1-8B, 8 KV heads: TP 2 halves each rank's page, TP 16 replicates one head per rank (and fails on heads).
        long budget = 1L << 30;
        long one = exact("llama-3-1-8b", VllmSettings.defaults(8_192).withKvCacheMemory(budget)).cacheTokens();
        assertThat(exact("llama-3-1-8b", VllmSettings.defaults(8_192).withKvCacheMemory(budget).withTensorParallel(2))
                .cacheTokens()).isEqualTo(2 * one);
        assertThatThrownBy(() -> exact("llama-3-1-8b", VllmSettings.defaults(8_192).withKvCacheMemory(budget)
                .withTensorParallel(3))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be divisible by tensor parallel size (3)");
    }
}
