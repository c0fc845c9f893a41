package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST contract over real HTTP: catalogs, both estimate modes, and bad requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EstimateApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void listsModelsGpusAndFormats() throws Exception {
        JsonNode models = JSON.readTree(get("/api/v1/models").body());
        assertThat(models.size()).isGreaterThanOrEqualTo(20);
        JsonNode llama = find(models, "llama-2-7b");
        assertThat(llama.get("parameters").longValue()).isEqualTo(6_738_415_616L);
        assertThat(JSON.readTree(get("/api/v1/gpus").body()).size()).isGreaterThanOrEqualTo(20);
        assertThat(get("/api/v1/formats").body()).contains("gguf:Q4_K_M", "nf4-dq", "adamw-mixed", "int2");
    }

    @Test
    void modelDetailHasConfigAndTensorList() throws Exception {
        JsonNode detail = JSON.readTree(get("/api/v1/models/llama-2-7b").body());
        assertThat(detail.get("config").get("hidden_size").intValue()).isEqualTo(4096);
        assertThat(detail.get("tensors").size()).isEqualTo(291);
        assertThat(detail.get("tensors").get(0).get("name").stringValue()).isEqualTo("model.embed_tokens.weight");
        JsonNode block = detail.get("architecture").get("blocks").get(0);
        assertThat(block.get("count").intValue()).isEqualTo(32);
        assertThat(block.get("attention").get("kind").stringValue()).isEqualTo("full");
        assertThat(block.get("attention").get("kvHeads").intValue()).isEqualTo(32);
        assertThat(block.get("mlp").get("kind").stringValue()).isEqualTo("dense");
        assertThat(block.get("mlp").get("intermediate").longValue()).isEqualTo(11_008);
        // DeepSeek-V3: 3 dense layers, then 58 MoE layers, all with the MLA latent (its config.json).
        JsonNode v3 = JSON.readTree(get("/api/v1/models/deepseek-v3").body()).get("architecture").get("blocks");
        assertThat(v3.size()).isEqualTo(2);
        assertThat(v3.get(0).get("count").intValue()).isEqualTo(3);
        assertThat(v3.get(1).get("count").intValue()).isEqualTo(58);
        assertThat(v3.get(1).get("attention").get("kind").stringValue()).isEqualTo("latent");
        assertThat(v3.get(1).get("attention").get("kvLoraRank").intValue()).isEqualTo(512);
        assertThat(v3.get(1).get("mlp").get("kind").stringValue()).isEqualTo("moe");
        assertThat(v3.get(1).get("mlp").get("experts").intValue()).isEqualTo(256);
        HttpResponse<String> missing = get("/api/v1/models/no-such-model");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"id\"");
    }

    @Test
    void llamaCppProfileAllocatesAsItsRelease() throws Exception {
        HttpResponse<String> response = post("""
                {"model": {"preset": "gpt-oss-20b"}, "weights": "checkpoint", "contextLength": 131072,
                 "engine": {"name": "llama.cpp"}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode engine = JSON.readTree(response.body()).get("engine");
        assertThat(engine.get("version").stringValue()).isEqualTo("v0.5.0");
        // 12 full layers × 131,072 cells × 1,024 bytes × K and V, and 12 sliding layers of 768 cells.
        assertThat(engine.get("kvCacheBytes").longValue()).isEqualTo(3_221_225_472L + 12L * 768 * 2048);
        assertThat(engine.get("caches").get(1).get("kind").stringValue()).isEqualTo("sliding");
        assertThat(engine.get("kvCacheTokens").longValue()).isEqualTo(131_072);
        assertThat(engine.get("log").toString()).contains("3072.00 MiB (131072 cells,  12 layers,  1/1 seqs)");
        HttpResponse<String> bad = post("""
                {"model": {"preset": "llama-2-7b"}, "engine": {"name": "llama.cpp", "cacheTypeK": "q3_k"}}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"engine.cacheTypeK\"");
        HttpResponse<String> refused = post("""
                {"model": {"preset": "llama-2-7b"},
                 "engine": {"name": "llama.cpp", "cacheTypeV": "q8_0", "flashAttention": "off"}}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("flash_attn").contains("\"field\":\"engine.cacheTypeV\"");
    }

    /** Llama-2-7B in F16 on two A100s with --tensor-split 3,1: 25 layers on CUDA0, 7 and the output on CUDA1. */
    @Test
    void llamaCppPlacesLayersOnDevices() throws Exception {
        HttpResponse<String> response = post("""
                {"model": {"preset": "llama-2-7b"}, "weights": "fp16", "contextLength": 4096, "gpu": "a100-80gb-sxm",
                 "gpuCount": 2, "engine": {"name": "llama.cpp", "tensorSplit": [3, 1]}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode engine = JSON.readTree(response.body()).get("engine");
        JsonNode devices = engine.get("devices");
        assertThat(devices.get(0).get("name").stringValue()).isEqualTo("CUDA0");
        assertThat(devices.get(0).get("layers").intValue()).isEqualTo(25);
        assertThat(devices.get(1).get("layers").intValue()).isEqualTo(8);
        assertThat(devices.get(2).get("name").stringValue()).isEqualTo("CPU");
        assertThat(devices.get(2).get("modelBytes").longValue()).isEqualTo(262_144_000L);
        assertThat(devices.get(0).get("kvBytes").longValue()).isEqualTo(1600L << 20);
        assertThat(engine.get("offloadedLayers").intValue()).isEqualTo(33);
        assertThat(engine.get("log").toString()).contains("CUDA1 KV buffer size =   448.00 MiB");

        HttpResponse<String> bad = post("""
                {"model": {"preset": "llama-2-7b"}, "gpu": "a100-80gb-sxm",
                 "engine": {"name": "llama.cpp", "tensorSplit": [1, 1]}}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"engine.tensorSplit\"");
        HttpResponse<String> vllm = post("""
                {"model": {"preset": "llama-2-7b"}, "engine": {"name": "vllm", "nGpuLayers": 10}}""");
        assertThat(vllm.statusCode()).isEqualTo(400);
        assertThat(vllm.body()).contains("\"field\":\"engine.nGpuLayers\"");
    }

    @Test
    void vllmProfileFromTheBudgetItLogs() throws Exception {
        // blog.huikang.dev/2025/12/28/vllm-logs.html (vLLM v0.11.2): gpt-oss-120b, 8.99 GiB → 130,960 tokens, 2.46x.
        HttpResponse<String> response = post("""
                {"model": {"preset": "gpt-oss-120b"}, "weights": "checkpoint", "contextLength": 98304,
                 "engine": {"name": "vllm", "kvCacheMemoryBytes": 9655418880, "maxNumBatchedTokens": 8192}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode engine = JSON.readTree(response.body()).get("engine");
        assertThat(engine.get("kvCacheTokens").longValue()).isEqualTo(130_960);
        assertThat(engine.get("maxConcurrency").doubleValue()).isBetween(2.455, 2.465);
        assertThat(engine.get("log").toString()).contains("Maximum concurrency for 98,304 tokens per request: 2.46x");
        HttpResponse<String> mixed = post("""
                {"model": {"preset": "llama-2-7b"}, "engine": {"name": "vllm", "cacheTypeK": "q8_0"}}""");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(mixed.body()).contains("\"field\":\"engine.cacheTypeK\"").contains("not a setting of vllm");
        HttpResponse<String> noGpu = post("""
                {"model": {"preset": "llama-2-7b"}, "engine": {"name": "vllm"}}""");
        assertThat(noGpu.statusCode()).isEqualTo(400);
        assertThat(noGpu.body()).contains("kvCacheMemoryBytes");
        HttpResponse<String> estimated = post("""
                {"model": {"preset": "llama-2-7b"}, "weights": "fp16", "gpu": "a100-80gb-sxm", "engine": {"name": "vllm"}}""");
        assertThat(estimated.statusCode()).isEqualTo(200);
        assertThat(estimated.body()).contains("Estimated budget");
        JsonNode hf = JSON.readTree(post("""
                {"model": {"preset": "deepseek-v3"}, "weights": "checkpoint", "contextLength": 1000,
                 "engine": {"name": "transformers"}}""").body()).get("engine");
        assertThat(hf.get("kvCacheBytes").longValue()).isEqualTo(4_997_120L * 1_000);
        JsonNode sglang = JSON.readTree(post("""
                {"model": {"preset": "qwen3-235b-a22b"}, "weights": "bf16", "gpuCount": 4,
                 "engine": {"name": "sglang", "maxTotalTokens": 367404}}""").body()).get("engine");
        assertThat(sglang.get("log").get(0).stringValue()).isEqualTo(
                "KV Cache is allocated. #tokens: 367404, K size: 8.23 GB, V size: 8.23 GB");
    }

    @Test
    void inferenceEstimate() throws Exception {
        HttpResponse<String> response = post("""
                {"model": {"preset": "llama-2-7b"}, "mode": "inference", "weights": "fp16", "kvCache": "fp16",
                 "contextLength": 32768, "batchSize": 1, "gpu": "a100-80gb-sxm", "gpuCount": 1}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("parameters").longValue()).isEqualTo(6_738_415_616L);
        assertThat(body.get("components").get("weights").longValue()).isEqualTo(13_476_831_232L);
        assertThat(body.get("components").get("kvCache").longValue()).isEqualTo(17_179_869_184L);
        assertThat(body.get("fits").booleanValue()).isTrue();
        assertThat(body.get("perGpu").get("gib")).isNotNull();
        assertThat(body.get("capacity").get("decodeTokensPerSecond").doubleValue()).isPositive();
        assertThat(body.get("steps").findValuesAsString("key")).contains("weights", "kvCache", "activations", "total");
    }

    @Test
    void trainingEstimateReproducesZeroStageThree() throws Exception {
        JsonNode body = JSON.readTree(post("""
                {"model": {"parameterCount": 7500000000}, "mode": "training", "optimizer": "adamw-mixed",
                 "zeroStage": 3, "gpus": 64, "overheadBytes": 0}""").body());
        long states = body.get("components").get("weights").longValue() + body.get("components").get("gradients").longValue()
                + body.get("components").get("optimizer").longValue();
        assertThat(states).isEqualTo(1_875_000_000L);
        assertThat(body.get("gpuCount").intValue()).isEqualTo(64);
    }

    /** Megatron-LM printed 60226959360.0 bytes of weights and optimizer for its Llama 3 8B example on 8 GPUs. */
    @Test
    void trainingAccountingAsMegatronCountsIt() throws Exception {
        JsonNode body = JSON.readTree(post("""
                {"model": {"preset": "meta-llama-3-8b"}, "mode": "training", "accounting": "megatron",
                 "zeroStage": 1, "gpus": 8, "overheadBytes": 0}""").body());
        long states = body.get("components").get("weights").longValue() + body.get("components").get("gradients").longValue()
                + body.get("components").get("optimizer").longValue();
        assertThat(states).isEqualTo(60_226_959_360L);
        assertThat(body.get("components").has("outputActivations")).isTrue();
        // The framework view: Megatron's own line for the set-up, DeepSpeed's tables for the same GPUs.
        assertThat(body.get("frameworks").get("megatron").get("printed").stringValue())
                .startsWith("Theoretical memory footprints: weight and optimizer=57436.90 MB");
        assertThat(body.get("frameworks").get("deepspeedZero3")).hasSize(6);
        assertThat(body.get("frameworks").get("deepspeedZero2").get(1).get("options").stringValue())
                .isEqualTo("offload_optimizer=none");
    }

    /** The eager Llama core of Hugging Face keeps 6 bytes per score: 32 layers × (34·s·h + 6·a·s²) at 4,096 tokens. */
    @Test
    void trainingAttentionImplementation() throws Exception {
        JsonNode body = JSON.readTree(post("""
                {"model": {"preset": "llama-2-7b"}, "mode": "training", "attention": "eager-fp32-softmax",
                 "contextLength": 4096}""").body());
        assertThat(body.get("components").get("activations").longValue()).isEqualTo(32 * 3_791_650_816L);
    }

    /** A zero_optimization section's keys as DeepSpeed names them; its defaults give a 1 GB bucket at ZeRO-3. */
    @Test
    void deepSpeedSettingsAndInterleaving() throws Exception {
        JsonNode body = JSON.readTree(post("""
                {"model": {"preset": "meta-llama-3-8b"}, "mode": "training", "accounting": "deepspeed",
                 "zeroStage": 3, "gpus": 8, "deepspeed": {"reduce_bucket_size": 200000000,
                 "stage3_prefetch_bucket_size": 0}}""").body());
        assertThat(body.get("components").get("zeroBuffers").longValue()).isEqualTo(400_000_000L + 2L * 65 * 4096);
        JsonNode interleaved = JSON.readTree(post("""
                {"model": {"preset": "meta-llama-3-8b"}, "mode": "training", "pipelineParallel": 4, "microBatches": 8,
                 "virtualStages": 2, "recompute": "selective", "contextLength": 8192}""").body());
        // The first stage: 8 layers × 34·s·b·h × (p·v + p − 1)/v = 8 × 1,140,850,688 × 11/2.
        assertThat(interleaved.get("components").get("activations").longValue()).isEqualTo(8L * 1_140_850_688L * 11 / 2);
        JsonNode upcast = JSON.readTree(post("""
                {"model": {"preset": "meta-llama-3-8b"}, "mode": "training", "logits": "upcast", "contextLength": 8192}""")
                .body());
        assertThat(upcast.get("components").get("outputActivations").longValue())
                .isEqualTo(4L * 8192 * 4096 + 10L * 8192 * 128_256);
    }

    @Test
    void pastedConfigIsCounted() throws Exception {
        JsonNode body = JSON.readTree(post("""
                {"model": {"config": {"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12,
                  "n_positions": 1024, "vocab_size": 50257}}, "weights": "fp32", "contextLength": 1024}""").body());
        assertThat(body.get("parameters").longValue()).isEqualTo(124_439_808L);
        assertThat(body.get("components").get("weights").longValue()).isEqualTo(4 * 124_439_808L);
    }

    @Test
    void newFamiliesAreCountedAndUnknownOnesOnlyAsAnAskedForGuess() throws Exception {
        JsonNode v3 = JSON.readTree(post("""
                {"model": {"preset": "deepseek-v3"}, "weights": "bf16", "kvCache": "bf16", "contextLength": 32768}""")
                .body());
        assertThat(v3.get("parameters").longValue()).isEqualTo(671_026_419_200L);
        // The MLA latent: 61 layers × 576 values × 2 bytes × 32,768 tokens.
        assertThat(v3.get("components").get("kvCache").longValue()).isEqualTo(2_302_672_896L);
        assertThat(v3.get("contextLimit").longValue()).isEqualTo(163_840L);
        assertThat(v3.has("guess")).isFalse();

        String unknown = """
                {"model_type": "my_llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32,
                 "intermediate_size": 11008, "vocab_size": 32000}""";
        HttpResponse<String> refused = post("{\"model\": {\"config\": " + unknown + "}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").stringValue()).contains("my_llama", "qwen3_moe", "assumeFamily");
        JsonNode guess = JSON.readTree(post("{\"model\": {\"config\": " + unknown + ", \"assumeFamily\": \"llama\"}}").body());
        assertThat(guess.get("guess").booleanValue()).isTrue();
        assertThat(guess.get("parameters").longValue()).isEqualTo(6_738_415_616L);
        assertThat(guess.get("notes").get(0).stringValue()).startsWith("GUESS");
    }

    /** A GGUF header alone is the model: counted by its family from the metadata, the file's bytes exact. */
    @Test
    void aGgufHeaderAloneIsCountedAndItsBytesReported() throws Exception {
        byte[] gguf = app.bytewise.engine.checkpoint.GgufBytes.header(3, 1, 7)
                .kvString("general.architecture", "qwen3")
                .kvU32("qwen3.block_count", 28).kvU32("qwen3.embedding_length", 1024)
                .kvU32("qwen3.feed_forward_length", 3072).kvU32("qwen3.attention.head_count", 16)
                .kvU32("qwen3.attention.head_count_kv", 8).kvU32("qwen3.attention.key_length", 128)
                .tensor("token_embd.weight", 8, 0, 1024, 151_936).bytes();
        String body = "{\"model\": {\"ggufHeader\": \"" + java.util.Base64.getEncoder().encodeToString(gguf)
                + "\"}, \"weights\": \"bf16\"}";
        JsonNode answer = JSON.readTree(post(body).body());
        // Qwen3-0.6B's shape (tied, as the file has no output.weight): its published 596,049,920.
        assertThat(answer.get("parameters").longValue()).isEqualTo(596_049_920L);
        // Q8_0 (type 8): 34 bytes per 32 weights.
        assertThat(answer.get("checkpointFile").get("bytesByType").get("Q8_0").longValue())
                .isEqualTo(1024L * 151_936 / 32 * 34);

        byte[] truncated = java.util.Arrays.copyOf(gguf, 100);
        HttpResponse<String> cut = post("{\"model\": {\"ggufHeader\": \""
                + java.util.Base64.getEncoder().encodeToString(truncated) + "\"}}");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cut.body()).get("field").stringValue()).isEqualTo("model.ggufHeader");
        HttpResponse<String> huge = post("{\"model\": {\"safetensorsHeader\": \"/////////38=\", \"preset\": \"gpt2\"}}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(huge.body()).get("field").stringValue()).isEqualTo("model.safetensorsHeader");
    }

    @Test
    void aSafetensorsIndexIsComparedWithThePresetsTensorList() throws Exception {
        String index = """
                {"metadata": {"total_size": 248878080}, "weight_map": {"transformer.wte.weight": "model.safetensors",
                 "transformer.h.0.attn.c_attn.weight": "model.safetensors", "transformer.h.99.attn.bias": "model.safetensors"}}""";
        JsonNode answer = JSON.readTree(post("{\"model\": {\"preset\": \"gpt2\", \"safetensorsIndex\": " + index + "}}")
                .body());
        JsonNode file = answer.get("checkpointFile");
        assertThat(file.get("bytes").longValue()).isEqualTo(248_878_080L);
        assertThat(file.get("comparison").get("matched").longValue()).isEqualTo(2);
        assertThat(file.get("comparison").get("unexpected").longValue()).isEqualTo(1);
    }

    /** gpt-oss as its checkpoint stores it: MXFP4 experts (U8 blocks and E8M0 scales), the rest BF16. */
    @Test
    void weightsAsTheCheckpointStoresThem() throws Exception {
        JsonNode oss = JSON.readTree(post("""
                {"model": {"preset": "gpt-oss-20b"}, "weights": "checkpoint", "contextLength": 4096}""").body());
        JsonNode checkpoint = oss.get("checkpoint");
        assertThat(checkpoint.get("elementsByDtype").get("BF16").longValue()).isEqualTo(1_804_459_584L);
        assertThat(checkpoint.get("elementsByDtype").get("U8").longValue()).isEqualTo(10_152_345_600L);
        // 2 × BF16 + U8 = 13,761,264,768 bytes = 12.82 GiB: the model card's 12.8 GiB checkpoint.
        assertThat(checkpoint.get("bytes").longValue()).isEqualTo(13_761_264_768L);
        assertThat(oss.get("components").get("weights").longValue()).isEqualTo(13_761_264_768L);
        HttpResponse<String> gpt2 = post("{\"model\": {\"preset\": \"gpt2\"}, \"weights\": \"checkpoint\"}");
        assertThat(gpt2.statusCode()).isEqualTo(400);
    }

    @Test
    void aContextBeyondTheModelsLimitIsWarnedAbout() throws Exception {
        JsonNode body = JSON.readTree(post("""
                {"model": {"preset": "llama-2-7b"}, "contextLength": 8192}""").body());
        assertThat(body.get("contextLimit").longValue()).isEqualTo(4096);
        assertThat(body.get("notes").toString()).contains("WARNING: 8,192 tokens is beyond Llama-2-7B's context of 4,096");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"weights\": \"int3\"}|weights",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"contextLength\": \"lots\"}|contextLength",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"contextLen\": 4096}|contextLen",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"contextLength\": 0}|contextLength",
        "{\"model\": {\"preset\": \"nope\"}}|model.preset",
        "{\"model\": {\"config\": {\"model_type\": \"llama\", \"hidden_size\": 4096}}}|model.config.num_hidden_layers",
        "{\"model\": {\"parameterCount\": -5}}|model.parameterCount",
        "{\"mode\": \"inference\"}|model",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"serving\"}|mode",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"gpu\": \"gtx-480\"}|gpu",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"zeroStage\": 5}|zeroStage",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"tensorParallel\": 3}|tensorParallel",
        "{\"model\": {\"parameterCount\": 1000}, \"mode\": \"training\", \"optimizer\": \"adafactor\"}|optimizer",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"accounting\": \"hf\"}|accounting",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"accounting\": \"deepspeed\", \"zeroStage\": 1}|accounting",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"offload\": \"optimizer\"}|offload",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"attention\": \"sdpa-math\"}|attention",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"attention\": \"flash\", \"flashAttention\": false}|attention",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"attention\": \"flash\"}|attention",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"zeroStage\": 3, \"deepspeed\": {\"reduce_bucket_size\": 1}}|deepspeed",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"accounting\": \"deepspeed\", \"zeroStage\": 3, \"deepspeed\": {\"reduce_bucket_size\": -1}}|deepspeed.reduce_bucket_size",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"virtualStages\": 2}|virtualStages",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"logits\": \"bf16\"}|logits",
        "{\"model\": {\"config\": {\"model_type\": \"llama\", \"hidden_size\": 4096, \"num_hidden_layers\": 10000000, \"num_attention_heads\": 32, \"intermediate_size\": 11008, \"vocab_size\": 32000}}}|model.config.num_hidden_layers",
        "{\"model\": {\"config\": {\"model_type\": \"llama\", \"hidden_size\": 4096, \"num_hidden_layers\": 9223372036854775808, \"num_attention_heads\": 32, \"intermediate_size\": 11008, \"vocab_size\": 32000}}}|model.config.num_hidden_layers",
        "{\"model\": {\"config\": {\"model_type\": \"llama\", \"hidden_size\": 2147483647, \"num_hidden_layers\": 32, \"num_attention_heads\": 1, \"intermediate_size\": 11008, \"vocab_size\": 32000}}}|model.config.hidden_size",
        "{\"model\": {\"parameterCount\": 580000000000000000}, \"mode\": \"training\"}|model.parameterCount",
        "{\"model\": {\"parameterCount\": 99999999999999999999}}|model.parameterCount",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"overheadBytes\": 9223372036854775807}|overheadBytes",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"mode\": \"training\", \"overheadBytes\": 9223372036854775807}|overheadBytes",
        "{\"model\": {\"preset\": \"llama-2-7b\"}, \"flashAttention\": false, \"contextLength\": 10000000, \"batchSize\": 100000}|batchSize",
        "{\"model\": {\"config\": {\"model_type\": \"rwkv\", \"hidden_size\": 4096}}}|model.config.model_type",
        "{\"model\": {\"config\": {\"model_type\": \"rwkv\"}, \"assumeFamily\": \"rwkv5\"}}|model.assumeFamily",
        "{\"model\": {\"preset\": \"llama-2-7b\", \"assumeFamily\": \"llama\"}}|model",
        "{\"model\": |body"})
    void badRequestsAreProblemDetailsNamingTheField(String body, String field) throws Exception {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("field").stringValue()).isEqualTo(field);
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Ten million tokens with eager attention fits a long; the batch search's probes (50,000 sequences) do not. */
    @Test
    void capacitySearchesThatProbePastALongStillAnswer() throws Exception {
        HttpResponse<String> response = post("""
                {"model": {"preset": "llama-2-7b"}, "flashAttention": false, "contextLength": 10000000,
                 "gpu": "a100-80gb-sxm"}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("fits").booleanValue()).isFalse();
        assertThat(body.get("capacity").path("largestBatch").isIntegralNumber()).isFalse();
    }

    @Test
    void openApiDescribesTheEstimateEndpoint() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/estimate", "/api/v1/models/{id}");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").stringValue().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/estimate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
