package app.bytewise.ui.estimator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NavigatorKt.expectView;
import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.ui.KaribuTestBase;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.upload.Upload;
import com.github.mvysny.kaributesting.v10.UploadKt;
import java.nio.charset.StandardCharsets;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;

class EstimatorViewTest extends KaribuTestBase {

    private EstimatorView open(Map<String, String> query) {
        openAnonymously();
        UI.getCurrent().navigate("estimator", QueryParameters.simple(query));
        expectView(EstimatorView.class);
        return _get(EstimatorView.class);
    }

    @Test
    void theUrlDescribesTheEstimateAndTheResultShowsBothUnits() {
        EstimatorView view = open(Map.of("model", "llama-2-13b", "weights", "fp16", "context", "4096", "gpu", "a10g"));
        String text = view.result().getElement().getTextRecursively();
        // 13B in FP16: 26.03 GB of weights does not fit a 24 GiB A10G.
        assertThat(text).contains("26.03 GB (24.24 GiB)").contains("does not fit");
        assertThat(text).contains("KV cache");
    }

    @SuppressWarnings("unchecked")
    @Test
    void theGpuTableStatesEachCardsMemoryInBothUnits() {
        open(Map.of("model", "llama-2-13b", "weights", "fp16", "gpu", "a10g"));
        Grid<Object> gpus = _get(Grid.class, spec -> spec.withClasses("bw-gpu-table"));
        java.util.List<String> a10g = java.util.stream.IntStream.range(0, GridKt._size(gpus))
                .mapToObj(i -> GridKt._getFormattedRow(gpus, i))
                .filter(row -> row.get(0).equals("NVIDIA A10G (AWS)")).findFirst().orElseThrow();
        // 24 GiB = 25,769,803,776 bytes on the label; the driver reports 23,028 MiB with ECC on (NVIDIA/DCGM#232).
        // 26.03 GB of FP16 weights cannot fit on one either way.
        assertThat(a10g.get(1)).isEqualTo("25.77 GB (24.00 GiB); usable 24.15 GB (22.49 GiB)");
        // Every figure of the row is for the row's own count: 2 A10Gs, half the weights each, twice one's bandwidth.
        assertThat(a10g.get(2)).isEqualTo("2 (tensor parallel)");
        var two = app.bytewise.engine.inference.InferenceEstimator.memory(new app.bytewise.engine.inference.InferenceRequest(
                app.bytewise.engine.catalog.ModelCatalog.load().require("llama-2-13b", "model").model(),
                app.bytewise.engine.format.Formats.parse("fp16"), app.bytewise.engine.inference.KvFormat.FP16, 4096, 1, true,
                0, app.bytewise.engine.inference.InferenceRequest.DEFAULT_OVERHEAD_BYTES, java.util.Optional.empty(), 1)
                .onGpus(app.bytewise.engine.catalog.GpuCatalog.load().find("a10g").orElseThrow(), 2));
        assertThat(a10g.get(3)).isEqualTo(app.bytewise.engine.ByteCount.of(two.perGpuBytes()).display());
        // 600 GB/s × 2 over 26.03 GB of weights + 3.36 GB of FP16 cache at 4,096 tokens: ≤ 40.8 tokens/s.
        assertThat(a10g.get(4)).isEqualTo("≤ 40.8 tokens/s");
    }

    @SuppressWarnings("unchecked")
    @Test
    void trainingShowsHowManyGpusOfEachKindTheSetUpNeeds() {
        open(Map.of("model", "llama-2-7b", "mode", "training", "zero", "3", "gpus", "8", "context", "2048"));
        Grid<Object> gpus = _get(Grid.class, spec -> spec.withClasses("bw-gpu-table"));
        java.util.List<java.util.List<String>> rows = java.util.stream.IntStream.range(0, GridKt._size(gpus))
                .mapToObj(i -> GridKt._getFormattedRow(gpus, i)).toList();
        java.util.List<String> h100 = rows.stream().filter(r -> r.get(0).startsWith("NVIDIA H100 SXM")).findFirst()
                .orElseThrow();
        assertThat(h100.get(2)).matches("\\d+ \\(data parallel \\d+ × TP 1 × PP 1\\)");
        assertThat(gpus.getColumns()).hasSize(4); // no decode bound in training
    }

    @SuppressWarnings("unchecked")
    @Test
    void changingTheFormatRecomputesAndBadInputKeepsTheLastResult() {
        EstimatorView view = open(Map.of("model", "llama-2-13b", "weights", "fp16", "gpu", "a10g"));
        ComboBox<String> weights = _get(ComboBox.class, spec -> spec.withLabel("Weights"));
        weights.setValue("gptq-4bit-g128");
        String fits = view.result().getElement().getTextRecursively();
        assertThat(fits).contains("fits");
        IntegerField batch = _get(IntegerField.class, spec -> spec.withLabel("Batch"));
        batch.setValue(0);
        assertThat(batch.isInvalid()).isTrue();
        assertThat(batch.getErrorMessage()).contains("batch size");
        assertThat(view.result().getElement().getTextRecursively()).isEqualTo(fits);
    }

    @Test
    void trainingModeShowsShardedStatesPerGpu() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "mode", "training", "zero", "3", "gpus", "8"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("Per GPU").contains("Optimizer state per GPU");
    }

    /** Llama-2-7B in FP16 at 4K: 6,738,415,616 × 2 bytes of weights and 2 × 32 × 4096 × 4096 × 2 bytes of KV cache. */
    @Test
    void llama2SevenBillionInFp16AtFourThousandTokens() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "weights", "fp16", "context", "4096"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("13,476,831,232 bytes").contains("2,147,483,648 bytes");
        assertThat(text).contains("13.48 GB (12.55 GiB)").contains("2.15 GB (2.00 GiB)");
    }

    @Test
    void compareModePutsTwoConfigurationsSideBySideAndStatesTheDifference() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "weights", "bf16", "compare", "1",
                "b.weights", "gguf:Q4_K_M"));
        assertThat(view.compare().getValue()).isTrue();
        assertThat(view.second().weights().getValue()).isEqualTo("gguf:Q4_K_M");
        assertThat(view.second().model().getValue().id()).isEqualTo("llama-2-7b"); // inherited from A
        String a = view.result().getElement().getTextRecursively();
        String b = view.secondResult().getElement().getTextRecursively();
        assertThat(a).contains("13.48 GB (12.55 GiB)");
        assertThat(b).doesNotContain("13.48 GB (12.55 GiB)");
        assertThat(view.comparison().getText()).contains("less than A").contains("B/A = 0.");

        view.second().weights().setValue("fp32");
        assertThat(view.comparison().getText()).contains("more than A");
        view.compare().setValue(false);
        assertThat(view.secondResult().isVisible()).isFalse();
    }

    private static final String TINY_LLAMA = """
            {"model_type": "llama", "hidden_size": 2048, "intermediate_size": 5632, "num_hidden_layers": 22,
             "num_attention_heads": 32, "num_key_value_heads": 4, "vocab_size": 32000,
             "max_position_embeddings": 2048, "tie_word_embeddings": false}""";

    @Test
    void aPastedConfigBecomesTheModelAndTravelsInTheUrl() {
        EstimatorView view = open(Map.of("weights", "bf16"));
        view.first().custom().paste(TINY_LLAMA);
        assertThat(view.first().model().getValue().id()).isEqualTo("custom");
        // TinyLlama-1.1B: 1,100,048,384 parameters (its model card), 2 bytes each in BF16.
        assertThat(view.result().getElement().getTextRecursively()).contains("2,200,096,768 bytes");

        Map<String, String> url = new java.util.LinkedHashMap<>();
        view.first().write(url, "");
        assertThat(url).containsKey("config").doesNotContainKey("model");
        EstimatorView reopened = open(url);
        assertThat(reopened.first().model().getValue().model().parameters()).isEqualTo(1_100_048_384L);
    }

    /** A shared link is read like a paste: ten million layers are refused at once, naming the field. */
    @Test
    void aLinkWithAnAbsurdConfigIsRefusedNamingTheField() {
        String absurd = TINY_LLAMA.replace("\"num_hidden_layers\": 22", "\"num_hidden_layers\": 10000000");
        EstimatorView view = open(Map.of("config", ConfigParameter.encode(absurd)));
        assertThat(view.first().custom().json().isInvalid()).isTrue();
        assertThat(view.first().custom().json().getErrorMessage()).contains("num_hidden_layers must be at most 2,048");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-2-7b");
    }

    /** 2,048 layers render as the tensor list's dozen groups, each layer's copy counted, not listed. */
    @SuppressWarnings("unchecked")
    @Test
    void aDeepModelsTensorListGroupsTheRepeatedLayers() {
        String deep = TINY_LLAMA.replace("\"num_hidden_layers\": 22", "\"num_hidden_layers\": 2048");
        EstimatorView view = open(Map.of("config", ConfigParameter.encode(deep)));
        assertThat(view.first().model().getValue().id()).isEqualTo("custom");
        Grid<Object> tensors = _get(Grid.class, spec -> spec.withClasses("bw-tensor-table"));
        assertThat(GridKt._size(tensors)).isEqualTo(12);
        assertThat(GridKt._getFormattedRow(tensors, 2)).containsExactly("model.layers.0–2047.self_attn.q_proj.weight",
                "×2,048", "[2048, 2048]", "8,589,934,592");
        assertThat(view.result().getElement().getTextRecursively()).contains("Tensor list: 18,435 tensors");
    }

    /** An unknown model_type is a field error; counted as a known family only when asked, marked as a guess. */
    @Test
    void anUnknownFamilyIsRefusedUntilAGuessIsChosen() {
        EstimatorView view = open(Map.of("model", "llama-2-7b"));
        String unknown = TINY_LLAMA.replace("\"llama\"", "\"my_llama\"");
        view.first().custom().paste(unknown);
        assertThat(view.first().custom().json().isInvalid()).isTrue();
        assertThat(view.first().custom().json().getErrorMessage()).contains("my_llama", "deepseek_v3", "assumeFamily");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-2-7b");

        view.first().custom().assumeField().setValue("llama");
        view.first().custom().paste(unknown);
        assertThat(view.first().custom().json().isInvalid()).isFalse();
        assertThat(view.first().model().getValue().model().parameters()).isEqualTo(1_100_048_384L);
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("Guess · ").contains("GUESS: model_type 'my_llama'");
        Map<String, String> url = new java.util.LinkedHashMap<>();
        view.first().write(url, "");
        assertThat(url).containsEntry("assume", "llama");
        assertThat(open(url).result().getElement().getTextRecursively()).contains("Guess · ");
    }

    @Test
    void aNewFamilyFromTheCatalogShowsItsLatentCache() {
        EstimatorView view = open(Map.of("model", "deepseek-v3", "context", "32768", "kv", "bf16"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("671,026,419,200").contains("(512 + 64) latent values")
                .contains("Published: 671,000,000,000, rounded to 1,000,000,000");
    }

    @Test
    void theLlamaCppProfileShowsItsCachesAndTheLinesItWouldPrint() {
        EstimatorView view = open(Map.of("model", "gpt-oss-20b", "weights", "checkpoint", "context", "131072",
                "engine", "llama.cpp"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("llama.cpp v0.5.0")
                .contains("llama_kv_cache: size = 3072.00 MiB (131072 cells,  12 layers,  1/1 seqs)")
                .contains("llama_kv_cache_iswa: creating     SWA KV cache, size = 768 cells");
        assertThat(view.first().engine().engine().getValue()).isEqualTo("llama.cpp");
        assertThat(text).contains("The same model in four engines");
        java.util.List<String> hf = GridKt._getFormattedRow(_get(view.result(), Grid.class,
                spec -> spec.withClasses("bw-engine-comparison-grid")), 3);
        assertThat(hf.get(0)).isEqualTo("transformers 4.56");
        // A quantized V cache with flash attention off is refused as llama.cpp refuses it, on the field.
        view.first().engine().cacheV().setValue(app.bytewise.engine.serving.llamacpp.LlamaCppCacheType.Q8_0);
        view.first().engine().flash().setValue(app.bytewise.engine.serving.llamacpp.LlamaCppSettings.FlashAttention.OFF);
        assertThat(view.first().engine().cacheV().isInvalid()).isTrue();
        assertThat(view.first().engine().cacheV().getErrorMessage()).contains("flash_attn");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getQueryString())
                .contains("engine=llama.cpp");
    }

    /** Llama-2-13B in f16 is 24.2 GiB: a T4 refuses it whole, and takes 20 of its 41 layers (output included). */
    @Test
    void theLlamaCppPlacementSaysWhetherItStartsOnTheGpu() {
        EstimatorView view = open(Map.of("model", "llama-2-13b", "weights", "fp16", "context", "4096", "gpu", "t4",
                "engine", "llama.cpp"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("Does not start: ggml_backend_cuda_buffer_type_alloc_buffer")
                .contains("cudaMalloc failed: out of memory");
        java.util.List<String> cuda = GridKt._getFormattedRow(_get(view.result(), Grid.class,
                spec -> spec.withClasses("bw-engine-devices")), 0);
        assertThat(cuda.get(0)).isEqualTo("CUDA0 · NVIDIA T4");
        assertThat(cuda.get(1)).isEqualTo("41");
        assertThat(cuda.get(5)).startsWith("short by ");

        view = open(Map.of("model", "llama-2-13b", "weights", "fp16", "context", "4096", "gpu", "t4",
                "engine", "llama.cpp", "ngl", "20"));
        text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("Starts: 20 of 41 layers on the GPU")
                .contains("load_tensors: offloading 19 repeating layers to GPU")
                .contains("llama_kv_cache:      CUDA0 KV buffer size =  1520.00 MiB");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getQueryString())
                .contains("ngl=20");
    }

    @Test
    void aBrokenConfigSaysWhyAndKeepsTheModel() {
        EstimatorView view = open(Map.of("model", "llama-2-7b"));
        String before = view.result().getElement().getTextRecursively();
        view.first().custom().paste("{\"model_type\": \"llama\", \"hidden_size\": 4096");
        assertThat(view.first().custom().json().isInvalid()).isTrue();
        assertThat(view.first().custom().json().getErrorMessage()).startsWith("Not valid JSON");
        view.first().custom().paste("{\"model_type\": \"llama\"}");
        assertThat(view.first().custom().json().getErrorMessage()).contains("hidden_size");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-2-7b");
        assertThat(view.result().getElement().getTextRecursively()).isEqualTo(before);
    }

    /** The browser's size limit is enforced on the server too: an oversized body is refused, not read. */
    @Test
    void anUploadedConfigOverTheLimitIsRefusedAndOneWithinItIsUsed() {
        EstimatorView view = open(Map.of("model", "llama-2-7b"));
        view.first().custom().setOpened(true);
        Upload upload = _get(view.first().custom(), Upload.class);
        UploadKt._upload(upload, "config.json", "application/json", new byte[64 * 1024 + 1]);
        assertThat(view.first().custom().json().isInvalid()).isTrue();
        assertThat(view.first().custom().json().getErrorMessage())
                .isEqualTo("config.json: The file is larger than 64 KiB, the most this page accepts.");
        assertThat(view.first().model().getValue().id()).isEqualTo("llama-2-7b");

        UploadKt._upload(upload, "config.json", "application/json", TINY_LLAMA.getBytes(StandardCharsets.UTF_8));
        assertThat(view.first().model().getValue().id()).isEqualTo("custom");
    }

    /** A GGUF header becomes the model; a safetensors header is held against the chosen model. */
    @Test
    void anUploadedCheckpointHeaderIsReadAndCompared() {
        EstimatorView view = open(Map.of("model", "llama-2-7b"));
        Upload upload = _get(view.first().checkpointFile(), Upload.class);
        byte[] gguf = app.bytewise.engine.checkpoint.GgufBytes.header(3, 1, 7)
                .kvString("general.architecture", "qwen3")
                .kvU32("qwen3.block_count", 28).kvU32("qwen3.embedding_length", 1024)
                .kvU32("qwen3.feed_forward_length", 3072).kvU32("qwen3.attention.head_count", 16)
                .kvU32("qwen3.attention.head_count_kv", 8).kvU32("qwen3.attention.key_length", 128)
                .tensor("token_embd.weight", 8, 0, 1024, 151_936).bytes();
        UploadKt._upload(upload, "head.gguf", "application/octet-stream", gguf);
        assertThat(view.first().model().getValue().id()).isEqualTo("custom");
        assertThat(view.first().model().getValue().model().parameters()).isEqualTo(596_049_920L);
        assertThat(view.first().checkpointFile().report().getElement().getTextRecursively()).contains("Q8_0: 165,306,368 bytes");

        UploadKt._upload(upload, "head.gguf", "application/octet-stream", java.util.Arrays.copyOf(gguf, 60));
        assertThat(view.first().checkpointFile().report().getElement().getTextRecursively()).contains("upload");

        String header = "{\"transformer.wte.weight\": {\"dtype\": \"F32\", \"shape\": [50257, 768], "
                + "\"data_offsets\": [0, 154389504]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        byte[] file = java.nio.ByteBuffer.allocate(8 + json.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).array();
        EstimatorView gpt2 = open(Map.of("model", "gpt2"));
        UploadKt._upload(_get(gpt2.first().checkpointFile(), Upload.class), "model.safetensors", "application/octet-stream",
                file);
        assertThat(gpt2.first().checkpointFile().report().getElement().getTextRecursively())
                .contains("1 tensors match").contains("of the model's are not in the file");
    }

    /** ZeRO-2 vs ZeRO-3 side by side, and tensor parallelism from the URL: 16 bytes per parameter, sharded. */
    @Test
    void trainingParallelismComesFromTheUrlAndComparesStages() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "mode", "training", "gpus", "8", "zero", "2",
                "compare", "1", "b.zero", "3", "b.tp", "2", "recompute", "full"));
        assertThat(view.comparison().getText()).contains("ZeRO-2 · DP 8 × TP 1 × PP 1 = 8 GPUs")
                .contains("ZeRO-3 · DP 8 × TP 2 × PP 1 = 16 GPUs").contains("less than A");
        // ZeRO-3 shards the 2-byte weights too, and TP halves what is left per GPU.
        assertThat(view.secondResult().getElement().getTextRecursively()).contains("Per GPU");
        Map<String, String> url = new java.util.LinkedHashMap<>();
        view.second().write(url, EstimatorView.B);
        assertThat(url).containsEntry("b.tp", "2").containsEntry("b.recompute", "full").containsEntry("b.zero", "3");
    }

    /** Megatron's accounting from the URL: Meta-Llama-3-8B with its distributed optimizer on 8 GPUs, 6 + 12/8 bytes. */
    @Test
    void accountingIsAChoiceThatNamesWhatItCounts() {
        EstimatorView view = open(Map.of("model", "meta-llama-3-8b", "mode", "training", "gpus", "8", "zero", "1",
                "accounting", "megatron"));
        String text = view.result().getElement().getTextRecursively();
        // 4 bytes of FP32 main gradients per parameter: 4 × 8,030,261,248.
        assertThat(text).contains("32,121,044,992 bytes").contains("Megatron-LM accumulates FP32 main gradients");
        @SuppressWarnings("unchecked")
        Select<app.bytewise.engine.training.Accounting> accounting = _get(Select.class, spec -> spec.withLabel("Accounting"));
        accounting.setValue(app.bytewise.engine.training.Accounting.DEEPSPEED);
        assertThat(accounting.isInvalid()).isTrue();
        assertThat(accounting.getErrorMessage()).contains("ZeRO stages 2 and 3");
    }

    /** The attention implementation decides the core's bytes: Hugging Face's eager Llama keeps 6 per score. */
    @Test
    void attentionImplementationIsAChoice() {
        EstimatorView view = open(Map.of("model", "llama-2-7b", "mode", "training", "context", "4096",
                "attention", "eager-fp32-softmax"));
        // 34·s·b·h + 6·a·s²·b = 570,425,344 + 3,221,225,472 bytes per layer.
        assertThat(view.result().getElement().getTextRecursively()).contains("3,791,650,816");
        @SuppressWarnings("unchecked")
        Select<app.bytewise.engine.training.AttentionKernel> attention = _get(Select.class,
                spec -> spec.withLabel("Attention"));
        attention.setValue(app.bytewise.engine.training.AttentionKernel.FLASH);
        // FlashAttention: 34·s·b·h + the FP32 log-sum-exp 4·a·s·b = 524,288.
        assertThat(view.result().getElement().getTextRecursively()).contains("570,949,632");
        // A link from before the choice with flash=0 opens the eager GPT core.
        open(Map.of("model", "llama-2-7b", "mode", "training", "flash", "0"));
        @SuppressWarnings("unchecked")
        Select<app.bytewise.engine.training.AttentionKernel> restored = _get(Select.class,
                spec -> spec.withLabel("Attention"));
        assertThat(restored.getValue()).isEqualTo(app.bytewise.engine.training.AttentionKernel.EAGER_DROPOUT);
    }

    /** The framework view prints DeepSpeed's and Megatron's own lines for the set-up; interleaving is a field. */
    @Test
    void frameworkViewAndInterleaving() {
        EstimatorView view = open(Map.of("model", "meta-llama-3-8b", "mode", "training", "gpus", "8", "zero", "1",
                "context", "8192", "recompute", "selective", "sp", "1"));
        String text = view.result().getElement().getTextRecursively();
        assertThat(text).contains("What your framework prints for this set-up")
                .contains("Theoretical memory footprints: weight and optimizer=57436.90 MB, activation=36936.06 MB")
                .contains("offload_param=none, offload_optimizer=none, zero_init=1");
        open(Map.of("model", "meta-llama-3-8b", "mode", "training", "pp", "4", "mb", "2", "vp", "2"));
        IntegerField chunks = _get(IntegerField.class, spec -> spec.withLabel("Interleaved chunks per GPU"));
        assertThat(chunks.isInvalid()).isTrue();
        assertThat(chunks.getErrorMessage()).contains("at least as many micro-batches");
    }
}
