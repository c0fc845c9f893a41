package app.bytewise.engine.serving.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.catalog.GpuCatalog;
import app.bytewise.engine.format.GgufFormat;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.EngineAllocation;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaCppPlacementTest {

    private static final GpuCatalog GPUS = GpuCatalog.load();
    private static final Gpu A100 = GPUS.require("a100-80gb-sxm", "gpu");
    private static final Gpu T4 = GPUS.require("t4", "gpu");
    private static final Model LLAMA2 = TestModels.model("llama-2-7b");

    private static LlamaCppPlacement place(Model model, String format, long nCtx, LlamaCppOffload o, List<Gpu> gpus) {
        LlamaCppSettings s = LlamaCppSettings.defaults(nCtx, 1);
        EngineAllocation caches = LlamaCppProfile.allocate(model, s);
        LlamaCppWeights w = LlamaCppWeights.ofLayout(GgufFormat.parse(format).layout(model));
        return LlamaCppPlacement.place(model, w, s, caches, o, gpus, true);
    }

    /**
     * llama.cpp's own CI on a V100 loaded an F16 GGUF of Llama-2-7B's shapes (OpenLLaMA-7B-v2,
     * ggml-org/ci, llama.cpp/d1/99ca79…/ggml-4-x86-cuda-v100/README.md, build 2459, {@code -ngl 999}):
     * "CPU buffer size = 250.00 MiB", "CUDA0 buffer size = 12603.02 MiB", "offloaded 33/33 layers",
     * "CUDA0 KV buffer size = 256.00 MiB" at n_ctx 512.
     */
    @Test
    void fullOffloadMatchesLlamaCppsCiRun() {
        LlamaCppPlacement p = place(LLAMA2, "F16", 512, LlamaCppOffload.defaults(), List.of(A100));

        DeviceMemory gpu = p.gpus().getFirst();
        assertThat(gpu.name()).isEqualTo("CUDA0");
        assertThat(gpu.modelBytes()).isEqualTo(13_215_219_712L);
        assertThat(gpu.kvBytes()).isEqualTo(256L << 20);
        assertThat(p.host().modelBytes()).isEqualTo(262_144_000L);
        assertThat(p.host().kvBytes()).isZero();
        assertThat(p.offloaded()).isEqualTo(33);
        assertThat(p.log()).contains(
                "load_tensors: offloaded 33/33 layers to GPU",
                "load_tensors:   CPU_Mapped model buffer size =   250.00 MiB",
                "load_tensors:        CUDA0 model buffer size = 12603.02 MiB",
                "llama_kv_cache:      CUDA0 KV buffer size =   256.00 MiB");
        assertThat(p.starts()).isTrue();
    }

    /**
     * v0.5.0 counts the output layer inside -ngl and offloads it first (i_gpu_start = n_layer + 1 −
     * ngl); its log takes the output layer out of min(ngl, n_layer), so 33 prints 31 repeating layers.
     */
    @Test
    void nGpuLayersCountsTheOutputLayerFirst() {
        LlamaCppPlacement one = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults().withGpuLayers(1), List.of(A100));
        assertThat(one.gpus().getFirst().modelBytes()).isEqualTo(262_144_000L + 16_384);
        assertThat(one.gpus().getFirst().kvBytes()).isZero();
        assertThat(one.host().kvBytes()).isEqualTo(2048L << 20);

        LlamaCppPlacement ten = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults().withGpuLayers(10), List.of(A100));
        assertThat(ten.gpus().getFirst().layers()).isEqualTo(10);
        assertThat(ten.gpus().getFirst().kvBytes()).isEqualTo(9 * (64L << 20));
        assertThat(ten.host().kvBytes()).isEqualTo(23 * (64L << 20));
        assertThat(ten.log()).startsWith("load_tensors: offloading output layer to GPU",
                "load_tensors: offloading 9 repeating layers to GPU", "load_tensors: offloaded 10/33 layers to GPU");

        LlamaCppPlacement all = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults().withGpuLayers(33), List.of(A100));
        assertThat(all.log()).contains("load_tensors: offloading 31 repeating layers to GPU");
        assertThat(all.host().kvBytes()).isZero();
    }

    /** Equal GPUs share layers by free memory: il / 33 below 0.5 goes to CUDA0, so 17 and 16 (with the output). */
    @Test
    void layersSplitOverGpusByFreeMemoryOrTensorSplit() {
        LlamaCppPlacement even = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults(), List.of(A100, A100));
        assertThat(even.gpus()).extracting(DeviceMemory::layers).containsExactly(17, 16);
        assertThat(even.gpus()).extracting(DeviceMemory::kvBytes).containsExactly(17 * (64L << 20), 15 * (64L << 20));

        LlamaCppPlacement split = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults().withTensorSplit(List.of(3.0, 1.0)),
                List.of(A100, A100));
        assertThat(split.gpus()).extracting(DeviceMemory::layers).containsExactly(25, 8);
        assertThat(split.log()).contains("llama_kv_cache:      CUDA0 KV buffer size =  1600.00 MiB",
                "llama_kv_cache:      CUDA1 KV buffer size =   448.00 MiB");

        assertThatThrownBy(() -> place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults().withTensorSplit(List.of(1.0, 1.0, 1.0)),
                List.of(A100, A100))).isInstanceOf(InvalidInputException.class).hasMessageContaining("3 shares for 2 GPUs");
    }

    /** Without the offload flag the caches stay in host memory whatever -ngl says. */
    @Test
    void offloadKqvOffKeepsTheCacheOnTheCpu() {
        LlamaCppPlacement p = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults().withOffloadKqv(false), List.of(A100));
        assertThat(p.gpus().getFirst().kvBytes()).isZero();
        assertThat(p.host().kvBytes()).isEqualTo(2048L << 20);
        assertThat(p.log()).contains("llama_kv_cache:        CPU KV buffer size =  2048.00 MiB");
    }

    /** --n-cpu-moe 8 keeps layers 0–7's ffn_*_exps in host memory; the rest of those layers stays on the GPU. */
    @Test
    void nCpuMoeKeepsTheFirstLayersExpertsInHostMemory() {
        Model mixtral = TestModels.model("mixtral-8x7b-v0-1");
        LlamaCppPlacement all = place(mixtral, "Q4_K_M", 4096, LlamaCppOffload.defaults(), List.of(A100));
        LlamaCppPlacement some = place(mixtral, "Q4_K_M", 4096, LlamaCppOffload.defaults().withCpuMoe(8), List.of(A100));
        LlamaCppPlacement every = place(mixtral, "Q4_K_M", 4096, LlamaCppOffload.defaults().withAllExpertsOnCpu(true),
                List.of(A100));

        long moved = some.host().modelBytes() - all.host().modelBytes();
        assertThat(moved).isPositive();
        assertThat(all.gpus().getFirst().modelBytes() - some.gpus().getFirst().modelBytes()).isGreaterThanOrEqualTo(moved);
        assertThat(every.host().modelBytes()).isGreaterThan(some.host().modelBytes() * 3);
        assertThat(some.gpus().getFirst().layers()).isEqualTo(33);
        assertThat(some.gpus().getFirst().kvBytes()).isEqualTo(all.gpus().getFirst().kvBytes());
        assertThat(some.notes()).anyMatch(n -> n.contains("--n-cpu-moe"));
    }

    /** Gemma ties its head to the embeddings: llama.cpp loads token_embd again on the output layer's GPU. */
    @Test
    void aTiedOutputIsLoadedAgainOnTheGpu() {
        Model gemma = TestModels.model("gemma-2-2b");
        LlamaCppPlacement gpu = place(gemma, "F16", 4096, LlamaCppOffload.defaults(), List.of(A100));
        LlamaCppPlacement cpu = place(gemma, "F16", 4096, LlamaCppOffload.defaults(), List.of());
        long embedding = 256_000L * 2304 * 2;
        assertThat(gpu.host().modelBytes()).isEqualTo(embedding);
        assertThat(gpu.gpus().getFirst().modelBytes() + gpu.host().modelBytes())
                .isEqualTo(cpu.host().modelBytes() + embedding);
        assertThat(cpu.log()).noneMatch(l -> l.contains("offload"));
    }

    /** 13B in F16 is 24.2 GiB of weights: a T4 (15,360 MiB with ECC) cannot hold them, and llama.cpp says so. */
    @Test
    void aGpuThatCannotHoldItsShareRefusesAsCudaDoes() {
        LlamaCppPlacement p = place(TestModels.model("llama-2-13b"), "F16", 4096, LlamaCppOffload.defaults(), List.of(T4));
        assertThat(p.starts()).isFalse();
        assertThat(p.refusal().orElseThrow()).startsWith("ggml_backend_cuda_buffer_type_alloc_buffer: allocating")
                .contains("on device 0: cudaMalloc failed: out of memory");

        LlamaCppPlacement seven = place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults(), List.of(T4));
        assertThat(seven.starts()).isTrue();
        assertThat(seven.gpus().getFirst().meetsFitTarget()).as("709 MiB left, under the 1,024 MiB fit target").isFalse();
        assertThat(seven.gpus().getFirst().leftBytes()).isEqualTo(15_360L * 1024 * 1024 - 13_215_219_712L - (2048L << 20));

        LlamaCppPlacement partial = place(TestModels.model("llama-2-13b"), "F16", 4096,
                LlamaCppOffload.defaults().withGpuLayers(20), List.of(T4));
        assertThat(partial.starts()).isTrue();
    }

    @Test
    void quantizedRowsArePaddedOnTheGpu() {
        // A Q4_K row of 11,008 values is 43 blocks; CUDA pads the last row to 11,264 values, one more block.
        assertThat(LlamaCppWeights.gpuBytes(4096L * 43 * 144, "Q4_K", 11_008)).isEqualTo(4096L * 43 * 144 + 144 + 112);
        assertThat(LlamaCppWeights.gpuBytes(4096L * 16 * 144, "Q4_K", 4096)).isEqualTo(4096L * 16 * 144);
        assertThat(LlamaCppWeights.gpuBytes(100, "F16", 50)).isEqualTo(128);
    }

    @Test
    void appleGpusAreNotPlaced() {
        Gpu m3 = GPUS.require("apple-m3-max", "gpu");
        assertThatThrownBy(() -> place(LLAMA2, "F16", 4096, LlamaCppOffload.defaults(), Collections.nCopies(1, m3)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Metal");
    }
}
