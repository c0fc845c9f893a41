package app.bytewise.engine.serving.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.ModelReader;
import app.bytewise.engine.serving.CacheAllocation;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppSettings.FlashAttention;
import org.junit.jupiter.api.Test;

/**
 * The llama.cpp profile's rules on catalog models. The same rules are held against the real
 * llama.cpp library, byte for byte, by the oracle tests; these pin the figures without it.
 */
class LlamaCppProfileTest {

    @Test
    void gptOss20bAt128kCachesTwelveFullLayersAndABoundedSlidingCache() {
        EngineAllocation e = LlamaCppProfile.allocate(TestModels.model("gpt-oss-20b"),
                LlamaCppSettings.defaults(131_072, 1));
        CacheAllocation full = e.caches().getFirst();
        CacheAllocation swa = e.caches().get(1);
        // 12 full layers × 131,072 cells × 8 KV heads × 64 × 2 bytes, K and V: the line llama.cpp prints.
        assertThat(e.log()).contains("llama_kv_cache: size = 3072.00 MiB (131072 cells,  12 layers,  1/1 seqs), "
                + "K (f16): 1536.00 MiB, V (f16): 1536.00 MiB");
        assertThat(full.bytes()).isEqualTo(3_221_225_472L);
        // The 128-token window: pad256(128 + n_ubatch 512) = 768 cells.
        assertThat(swa.kind()).isEqualTo(CacheKind.SLIDING);
        assertThat(swa.cells()).isEqualTo(768);
        assertThat(swa.bytes()).isEqualTo(12L * 768 * 512 * 2 * 2);
        assertThat(e.log()).contains("llama_kv_cache_iswa: creating     SWA KV cache, size = 768 cells");
        // --swa-full (the C API's default) keeps the sliding layers at full size.
        assertThat(LlamaCppProfile.allocate(TestModels.model("gpt-oss-20b"), LlamaCppSettings.defaults(131_072, 1)
                .withSwaFull(true)).kvCacheBytes()).isEqualTo(2 * 3_221_225_472L);
    }

    @Test
    void contextIsPaddedTo256AndSplitIntoOneStreamPerSequence() {
        EngineAllocation e = LlamaCppProfile.allocate(TestModels.model("llama-2-7b"), LlamaCppSettings.defaults(5_000, 3));
        // pad256(5,000) = 5,120; 5,120 / 3 = 1,706 → 1,792 cells in each of 3 streams.
        CacheAllocation c = e.caches().getFirst();
        assertThat(c.cells()).isEqualTo(1_792);
        assertThat(c.streams()).isEqualTo(3);
        assertThat(c.bytes()).isEqualTo(32L * 1_792 * 3 * 4096 * 2 * 2);
        EngineAllocation unified = LlamaCppProfile.allocate(TestModels.model("llama-2-7b"),
                LlamaCppSettings.defaults(5_000, 3).withUnified(true));
        assertThat(unified.caches().getFirst().cells()).isEqualTo(5_120);
        assertThat(unified.kvCacheBytes()).isEqualTo(32L * 5_120 * 4096 * 2 * 2);
    }

    @Test
    void quantizedCacheRowsAreWholeBlocks() {
        EngineAllocation e = LlamaCppProfile.allocate(TestModels.model("llama-2-7b"),
                LlamaCppSettings.defaults(4_096, 1).withCacheTypes(LlamaCppCacheType.Q8_0, LlamaCppCacheType.Q4_0));
        // q8_0: 34 bytes per 32 values; q4_0: 18 per 32. A 4,096-wide row: 4,352 and 2,304 bytes.
        CacheAllocation c = e.caches().getFirst();
        assertThat(c.firstBytes()).isEqualTo(32L * 4_096 * 4_352);
        assertThat(c.secondBytes()).isEqualTo(32L * 4_096 * 2_304);
    }

    @Test
    void mlaCachesTheLatentAsKeysOnly() {
        EngineAllocation e = LlamaCppProfile.allocate(TestModels.model("deepseek-v3"), LlamaCppSettings.defaults(32_768, 1));
        CacheAllocation c = e.caches().getFirst();
        assertThat(c.kind()).isEqualTo(CacheKind.MLA);
        // 61 layers × 576 values × 2 bytes = 70,272 bytes per token (the figure for llama.cpp and vLLM).
        assertThat(c.bytes() / 32_768).isEqualTo(70_272);
        assertThat(c.secondBytes()).isZero();
        assertThatThrownBy(() -> LlamaCppProfile.allocate(TestModels.model("deepseek-v3"),
                LlamaCppSettings.defaults(4_096, 1).withCacheTypes(LlamaCppCacheType.Q8_0, LlamaCppCacheType.F16)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be the same");
    }

    @Test
    void recurrentStateIsF32PerSequenceWhateverTheContext() {
        // Mamba-2 2.7B: 64 layers, d_inner 5,120, d_state 128, one group, d_conv 4:
        // r = 3 × (5,120 + 2 × 128) = 16,128 and s = 128 × 5,120 = 655,360 values per layer.
        EngineAllocation e = LlamaCppProfile.allocate(TestModels.model("mamba2-2-7b"), LlamaCppSettings.defaults(4_096, 2));
        assertThat(e.kvCacheBytes()).isZero();
        assertThat(e.recurrentStateBytes()).isEqualTo(2L * 64 * (16_128 + 655_360) * 4);
        assertThat(LlamaCppProfile.allocate(TestModels.model("mamba2-2-7b"), LlamaCppSettings.defaults(65_536, 2))
                .recurrentStateBytes()).isEqualTo(e.recurrentStateBytes());
    }

    @Test
    void refusesWhatLlamaCppRefuses() {
        assertThatThrownBy(() -> LlamaCppProfile.allocate(TestModels.model("llama-2-7b"),
                LlamaCppSettings.defaults(4_096, 1).withCacheTypes(LlamaCppCacheType.F16, LlamaCppCacheType.Q8_0)
                        .withFlashAttention(FlashAttention.OFF)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("flash_attn")
                .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("engine.cacheTypeV"));
        // A head dimension of 80 (hidden 640 over 8 heads) is not a whole number of 32-value q4_0 blocks.
        Model eighty = ModelReader.readText("h", "h", """
                {"model_type": "llama", "hidden_size": 640, "intermediate_size": 1024, "num_hidden_layers": 2,
                 "num_attention_heads": 8, "num_key_value_heads": 8, "vocab_size": 1000}""", "config");
        assertThatThrownBy(() -> LlamaCppProfile.allocate(eighty, LlamaCppSettings.defaults(4_096, 1)
                .withCacheTypes(LlamaCppCacheType.Q4_0, LlamaCppCacheType.F16)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not divide the head dimension 80")
                .satisfies(x -> assertThat(((InvalidInputException) x).field()).isEqualTo("engine.cacheTypeK"));
        assertThatThrownBy(() -> LlamaCppProfile.allocate(TestModels.model("opt-125m"), LlamaCppSettings.defaults(2_048, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no architecture for model_type 'opt'");
        assertThatThrownBy(() -> LlamaCppSettings.defaults(4_096, 257)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("LLAMA_MAX_SEQ");
    }
}
