package app.bytewise.engine.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.MemoryEstimate;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.format.Formats;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import org.junit.jupiter.api.Test;

class InferenceEstimatorTest {

    private static final Model LLAMA_2_7B = TestModels.model("llama-2-7b");
    private static final GpuCatalog GPUS = GpuCatalog.load();

    private static Architecture arch(String id) {
        return TestModels.model(id).architecture().orElseThrow();
    }

    @Test
    void llama2SevenBKvCacheAt32kTokensIs16GiB() {
        assertThat(KvCache.bytes(arch("llama-2-7b"), KvFormat.FP16, 32_768, 1, 0)).isEqualTo(16L << 30);
    }

    @Test
    void llamaCppReports2048MiBOfKvCacheForLlama2SevenBAt4096Tokens() {
        // llama.cpp: "llama_kv_cache_init: KV self size = 2048.00 MiB" for n_ctx = 4096, f16.
        assertThat(KvCache.bytes(arch("llama-2-7b"), KvFormat.FP16, 4096, 1, 0)).isEqualTo(2048L << 20);
    }

    @Test
    void groupedQueryAttentionDividesTheCacheByTheGroupSize() {
        // Llama-2-70B: 80 layers, 8 KV heads of 128: 10.7 GB at 32K tokens, not the 85.9 GB of 64 heads.
        assertThat(KvCache.bytes(arch("llama-2-70b"), KvFormat.FP16, 32_768, 1, 0)).isEqualTo(10_737_418_240L);
        assertThat(KvCache.step(arch("llama-2-70b"), KvFormat.FP16, 32_768, 1, 0).note()).contains("grouped-query");
    }

    @Test
    void llama2ThirteenBKvCacheIs25GiBInFp16AndScalesWithTheFormat() {
        Architecture a = arch("llama-2-13b");
        assertThat(KvCache.bytes(a, KvFormat.FP16, 32_768, 1, 0)).isEqualTo(25L << 30);
        assertThat(KvCache.bytes(a, KvFormat.FP8, 32_768, 1, 0)).isEqualTo(25L << 29);
    }

    @Test
    void kiviCountsScalesZerosAndTheFullPrecisionResidual() {
        Architecture a = arch("llama-2-7b");
        long channels = 4096;
        long tokens = 32_768;
        long quantized = tokens - 128;
        long perLayer = 2 * quantized * channels * 2 / 8                     // 2-bit codes for K and V
                + (quantized / 32 * channels + quantized * (channels / 32)) * 4  // FP16 scale + zero per group
                + 2 * 128 * channels * 2;                                      // residual tokens in FP16
        assertThat(KvCache.bytes(a, KvFormat.parse("int2"), tokens, 1, 0)).isEqualTo(32 * perLayer);
        // About 8× smaller than FP16, not 8× exactly.
        double ratio = (double) KvCache.bytes(a, KvFormat.FP16, tokens, 1, 0)
                / KvCache.bytes(a, KvFormat.parse("int2"), tokens, 1, 0);
        assertThat(ratio).isBetween(5.0, 6.5);
    }

    @Test
    void slidingWindowLayersKeepOnlyTheWindow() {
        // Mistral-7B-v0.1: 4096-token window on every layer.
        Architecture mistral = arch("mistral-7b-v0-1");
        assertThat(KvCache.bytes(mistral, KvFormat.FP16, 32_768, 1, 0))
                .isEqualTo(KvCache.bytes(mistral, KvFormat.FP16, 4096, 1, 0));
        // Gemma 2 alternates: half the layers local (4096), half global.
        Architecture gemma2 = arch("gemma-2-9b");
        long global = KvCache.bytes(gemma2, KvFormat.FP16, 8192, 1, 0);
        long full = 2L * 42 * 8 * 256 * 8192 * 2;
        assertThat(global).isEqualTo(full / 2 + full / 4);
    }

    @Test
    void pagedAllocationRoundsEachSequenceUpToWholePages() {
        Architecture a = arch("llama-2-7b");
        assertThat(KvCache.bytes(a, KvFormat.FP16, 1000, 4, 16)).isEqualTo(KvCache.bytes(a, KvFormat.FP16, 1008, 4, 0));
    }

    @Test
    void flashAttentionRemovesTheQuadraticScoreMatrix() {
        Architecture a = arch("llama-2-7b");
        long eager = PrefillActivations.bytes(a, 8192, 1, false);
        long flash = PrefillActivations.bytes(a, 8192, 1, true);
        // Eager: residual 2·s·h·2 + q/k/v s·(32+2·32)·128·2 + output s·h·2
        // + scores and probabilities 2 × 32 heads × 8192² × 2 bytes (8 GiB) + logits 32,000 × 4.
        assertThat(eager).isEqualTo(134_217_728L + 201_326_592L + 67_108_864L + 8_589_934_592L + 128_000L);
        // FlashAttention: the MLP's three s × 11008 tensors become the largest set.
        assertThat(flash).isEqualTo(134_217_728L + 3L * 8192 * 11008 * 2 + 128_000L);
    }

    @Test
    void totalAddsWeightsKvActivationsAndOverheadAndChecksTheFit() {
        Gpu a10g = GPUS.require("a10g", "gpu");
        InferenceRequest request = InferenceRequest.of(TestModels.model("llama-2-13b"), Formats.parse("fp16"))
                .onGpus(a10g, 1);
        MemoryEstimate memory = InferenceEstimator.memory(request);
        assertThat(memory.totalBytes()).isEqualTo(memory.component("weights") + memory.component("kvCache")
                + memory.component("activations") + memory.component("overhead"));
        assertThat(memory.component("weights")).isEqualTo(26_031_728_640L);
        assertThat(memory.fits()).contains(false); // 26 GB of weights alone exceed 24 GiB

        InferenceResult int4 = InferenceEstimator.estimate(InferenceRequest.of(TestModels.model("llama-2-13b"),
                Formats.parse("gptq-4bit-g128")).onGpus(a10g, 1));
        assertThat(int4.memory().fits()).contains(true);
        assertThat(int4.longestContext()).hasValue(4096); // capped by max_position_embeddings
        assertThat(int4.largestBatch().getAsInt()).isGreaterThan(1);
    }

    @Test
    void theT4TrapIsDecidedOnWhatTheDriverReports() {
        // A T4 is labelled 16 GB; with ECC on (the default) nvidia-smi shows 15,360 MiB (modal-labs/modal-client#2797).
        // Llama-2-7B in FP16 at 4,096 tokens: 13.48 GB of weights + 2 GiB of KV cache + activations + 1 GiB overhead.
        Gpu t4 = GPUS.require("t4", "gpu");
        assertThat(t4.usableBytes()).isEqualTo(15_360L << 20);
        InferenceResult r = InferenceEstimator.estimate(InferenceRequest.of(TestModels.model("llama-2-7b"),
                Formats.parse("fp16")).onGpus(t4, 1));
        assertThat(r.memory().perGpuBytes()).isLessThan(t4.memoryBytes()).isGreaterThan(t4.usableBytes());
        assertThat(r.memory().fits()).contains(false);
        assertThat(r.memory().notes()).anySatisfy(n -> assertThat(n).contains("16 GiB on the label, 15,360 MiB reported "
                + "by the driver").endsWith("does not fit."));
    }

    @Test
    void minimumGpuCountForSeventyBInFp16() {
        Gpu a100 = GPUS.require("a100-80gb-sxm", "gpu");
        InferenceResult result = InferenceEstimator.estimate(
                InferenceRequest.of(TestModels.model("llama-2-70b"), Formats.parse("fp16")).onGpus(a100, 1));
        assertThat(result.memory().fits()).contains(false);
        assertThat(result.minimumGpus()).hasValue(2);
    }

    @Test
    void decodeIsBoundByMemoryBandwidth() {
        Gpu a100 = GPUS.require("a100-80gb-sxm", "gpu");
        InferenceResult result = InferenceEstimator.estimate(
                InferenceRequest.of(LLAMA_2_7B, Formats.parse("fp16")).withContext(1, 1).onGpus(a100, 1));
        // 2,039 GB/s over 13.48 GB of weights (+ one token of cache): about 151 tokens/s at most.
        assertThat(result.decodeTokensPerSecond().orElseThrow()).isCloseTo(151.3, within(0.1));
        assertThat(result.prefillSeconds()).isPresent();
    }

    @Test
    void aBareParameterCountHasNoKvCacheAndSaysSo() {
        MemoryEstimate memory = InferenceEstimator.memory(
                InferenceRequest.of(Model.ofParameterCount(7_000_000_000L), Formats.parse("fp16")));
        assertThat(memory.component("weights")).isEqualTo(14_000_000_000L);
        assertThat(memory.components()).doesNotContainKey("kvCache");
        assertThat(memory.notes()).anyMatch(n -> n.contains("KV cache"));
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> InferenceRequest.of(LLAMA_2_7B, Formats.parse("fp16")).withContext(0, 1))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("contextLength"));
        assertThatThrownBy(() -> KvFormat.parse("int3"))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("kvCache"));
    }

    /** The searches' lean per-GPU sum is the full estimate's, for dense, GQA, MoE and sliding-window models. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"llama-2-7b, fp16, fp16", "llama-3-1-70b, gguf:Q4_K_M, fp8",
        "mixtral-8x7b-v0-1, int4, int4", "mistral-7b-v0-1, nf4, fp8", "gemma-2-9b, bf16, fp16"})
    void theSearchesLeanSumEqualsTheFullEstimate(String id, String weights, String kv) {
        Model m = TestModels.model(id);
        for (long context : new long[] {1, 4096, 32_768}) {
            for (int batch : new int[] {1, 7}) {
                for (int gpus : new int[] {1, 2, 8}) {
                    InferenceRequest r = new InferenceRequest(m, app.bytewise.engine.format.Formats.parse(weights),
                            KvFormat.parse(kv), context, batch, context % 2 == 0, 16,
                            InferenceRequest.DEFAULT_OVERHEAD_BYTES, java.util.Optional.empty(), gpus);
                    long weightBytes = InferenceEstimator.memory(r).component("weights");
                    assertThat(InferenceEstimator.perGpuBytes(r, weightBytes)).as("%s %d×%d on %d", id, context, batch,
                            gpus).isEqualTo(InferenceEstimator.memory(r).perGpuBytes());
                }
            }
        }
    }
}
