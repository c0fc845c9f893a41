package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.ByteCount;
import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.gpu.Gpu;
import app.bytewise.engine.inference.InferenceRequest;
import app.bytewise.engine.model.Architecture;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.serving.CacheKind;
import app.bytewise.engine.serving.EngineAllocation;
import app.bytewise.engine.serving.llamacpp.LlamaCppProfile.LayerCache;
import app.bytewise.engine.serving.llamacpp.LlamaCppWeights.Weight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where llama.cpp {@value LlamaCppProfile#VERSION} puts a model's weights and caches over the CPU
 * and the GPUs, and what it prints while loading:
 * <ul>
 * <li>layers to devices by {@link LlamaCppLayerDevices} ({@code -ngl}, {@code --tensor-split});
 * <li>each tensor on its layer's device, the token embeddings on the CPU, routed experts on the CPU
 *     for {@code --cpu-moe} and the first {@code --n-cpu-moe} layers (the tensor overrides of
 *     common/common.h); a tied output is loaded again on the output layer's device when that is a
 *     GPU ({@code TENSOR_DUPLICATED});
 * <li>each layer's KV cache and recurrent state on that layer's device unless {@code offload_kqv} is
 *     off (src/llama-kv-cache.cpp and src/llama-memory-recurrent.cpp constructors);
 * <li>GPU buffers pad each tensor to 128 bytes (and a quantized matrix's last row to 512 values),
 *     host buffers to 32 ({@code TENSOR_ALIGNMENT}); the lines are printed per buffer type in the
 *     order of their names ({@code ggml_backend_buft_comparator}).
 * </ul>
 * "Starts" is decided on weights and caches against the driver's total; whether the CUDA context
 * and compute buffers fit too is what {@link DeviceMemory#meetsFitTarget()} (llama-fit-params'
 * 1,024 MiB) says, since compute buffers depend on the graph the backend builds.
 *
 * @param devices the GPUs in order, then the host ({@code CPU})
 */
public record LlamaCppPlacement(List<DeviceMemory> devices, int offloaded, int offloadable, List<String> log,
        Optional<String> refusal, List<String> notes) {

    static final long HOST_ALIGNMENT = 32;

    public LlamaCppPlacement {
        devices = List.copyOf(devices);
        log = List.copyOf(log);
        notes = List.copyOf(notes);
    }

    public boolean starts() {
        return refusal.isEmpty();
    }

    public DeviceMemory host() {
        return devices.getLast();
    }

    public List<DeviceMemory> gpus() {
        return devices.subList(0, devices.size() - 1);
    }

    /** A placement, or why there is none (weights llama.cpp cannot load); the caches stand either way. */
    public record Attempt(Optional<LlamaCppPlacement> placement, Optional<String> gap) {
    }

    /**
     * {@code r}'s model in its weight format on {@code r}'s GPUs ({@code gpuCount} devices, none for
     * CPU only), with llama-server's memory-mapped loading; a format llama.cpp cannot load gives the
     * gap instead.
     */
    public static Attempt attempt(InferenceRequest r, LlamaCppSettings s, EngineAllocation caches, LlamaCppOffload o) {
        LlamaCppWeights weights;
        try {
            weights = LlamaCppWeights.of(r.model(), r.weights());
        } catch (InvalidInputException notGguf) {
            return new Attempt(Optional.empty(), Optional.of(notGguf.getMessage()));
        }
        List<Gpu> gpus = r.gpu().map(g -> Collections.nCopies(r.gpuCount(), g)).orElse(List.of());
        return new Attempt(Optional.of(place(r.model(), weights, s, caches, o, gpus, true)), Optional.empty());
    }

    /**
     * @param caches what {@link LlamaCppProfile#allocate} gave for {@code model} and {@code s}
     * @param gpus the GPUs, in device order; none for a CPU-only run
     */
    public static LlamaCppPlacement place(Model model, LlamaCppWeights weights, LlamaCppSettings s, EngineAllocation caches,
            LlamaCppOffload o, List<Gpu> gpus, boolean useMmap) {
        Architecture a = model.requireArchitecture("A llama.cpp placement");
        String backend = backend(gpus);
        int nd = gpus.size();
        LlamaCppLayerDevices layers = LlamaCppLayerDevices.of(a.layers(), o, gpus.stream().map(Gpu::usableBytes).toList());
        long[] model_ = new long[nd + 1];
        long[] kv = new long[nd + 1];
        long[] rs = new long[nd + 1];
        int[] layerCount = new int[nd + 1];
        List<String> notes = new ArrayList<>(weights.notes());
        boolean expertsOnCpu = false;
        for (Weight t : weights.tensors()) {
            int dev = switch (t.place()) {
                case INPUT -> LlamaCppLayerDevices.CPU;
                case OUTPUT -> layers.outputDevice();
                case LAYER -> t.routedExpert() && (o.cpuMoe() || t.layer() < o.nCpuMoe()) ? LlamaCppLayerDevices.CPU
                        : layers.deviceOf(t.layer());
                case EVERY_LAYER_DEVICE -> Integer.MIN_VALUE;
            };
            expertsOnCpu |= t.routedExpert() && dev == LlamaCppLayerDevices.CPU && layers.deviceOf(t.layer()) != dev;
            if (dev == Integer.MIN_VALUE) {
                TreeSet<Integer> used = new TreeSet<>();
                for (int il = 0; il < a.layers(); il++) {
                    used.add(layers.deviceOf(il));
                }
                used.forEach(d -> add(model_, nd, d, t.bytes(), t.gpuBytes()));
            } else {
                add(model_, nd, dev, t.bytes(), t.gpuBytes());
            }
        }
        if (weights.tiedOutput() && layers.outputDevice() != LlamaCppLayerDevices.CPU) {
            add(model_, nd, layers.outputDevice(), weights.tokenEmbeddingBytes(), weights.tokenEmbeddingGpuBytes());
            notes.add("The output layer reuses the token embeddings (tied): llama.cpp loads them a second time on "
                    + gpuName(backend, layers.outputDevice()) + ", " + ByteCount.of(weights.tokenEmbeddingGpuBytes()).display()
                    + ".");
        }
        if (weights.tiedOutput() && layers.outputDevice() == LlamaCppLayerDevices.CPU) {
            notes.add("The output layer reuses the token embeddings (tied) and is counted once; on a CPU with AMX, or "
                    + "with repacked quantized types, llama.cpp loads it a second time into that buffer ("
                    + ByteCount.of(weights.tokenEmbeddingBytes()).display() + " more).");
        }
        for (int il = 0; il <= a.layers(); il++) {
            layerCount[slot(nd, layers.deviceOf(il))]++;
        }
        // Per cache (non-SWA, SWA, recurrent), per device: the lines each cache prints.
        long[][] byCache = new long[3][nd + 1];
        int il = 0;
        for (LayerCache c : LlamaCppProfile.layerCaches(model, s, caches)) {
            int which = c.kind() == CacheKind.RECURRENT ? 2 : c.kind() == CacheKind.SLIDING ? 1 : 0;
            for (int i = 0; i < c.count(); i++, il++) {
                int dev = o.offloadKqv() ? layers.deviceOf(il) : LlamaCppLayerDevices.CPU;
                long bytes = padded(c.firstBytes(), dev) + padded(c.secondBytes(), dev);
                byCache[which][slot(nd, dev)] += bytes;
                (which == 2 ? rs : kv)[slot(nd, dev)] += bytes;
            }
        }
        if (expertsOnCpu) {
            notes.add("Routed experts kept in host memory run on the CPU: a token reads them from RAM, as llama.cpp's "
                    + "--n-cpu-moe trades speed for VRAM.");
        }
        if (useMmap && nd > 0 && layers.outputDevice() == LlamaCppLayerDevices.CPU) {
            notes.add("The CPU_Mapped figure is the host tensors' bytes; llama.cpp maps the file range from the first to "
                    + "the last of them, so with tensors of other devices between them it prints more.");
        }
        List<DeviceMemory> devices = new ArrayList<>();
        for (int d = 0; d < nd; d++) {
            devices.add(new DeviceMemory(gpuName(backend, d), gpus.get(d).name(), gpus.get(d).usableBytes(), layerCount[d],
                    model_[d], kv[d], rs[d]));
        }
        devices.add(new DeviceMemory("CPU", "", 0, layerCount[nd], model_[nd], kv[nd], rs[nd]));
        List<String> log = log(layers, nd, backend, useMmap, model_, byCache, caches);
        Optional<String> refusal = Optional.empty();
        for (int d = nd - 1; d >= 0; d--) {
            // Buffers are allocated in name order, so the first device that runs out is the one llama.cpp reports.
            if (devices.get(d).leftBytes() < 0) {
                refusal = Optional.of(refusal(devices.get(d), d));
            }
        }
        return new LlamaCppPlacement(devices, nd == 0 ? 0 : layers.offloaded(), a.layers() + 1, log, refusal, notes);
    }

    private static String backend(List<Gpu> gpus) {
        if (gpus.isEmpty()) {
            return "CPU";
        }
        String vendor = gpus.getFirst().vendor();
        if (gpus.stream().anyMatch(g -> !g.vendor().equals(vendor))) {
            throw new InvalidInputException("gpu", "llama.cpp runs one GPU backend at a time: choose GPUs of one vendor.");
        }
        return switch (vendor) {
            case "NVIDIA" -> "CUDA";
            case "AMD" -> "ROCm";
            default -> throw new InvalidInputException("gpu", "Bytewise places llama.cpp models on CUDA (NVIDIA) and "
                    + "ROCm (AMD) GPUs; Metal shares the system's memory and is not modelled.");
        };
    }

    private static String gpuName(String backend, int device) {
        return backend + device;
    }

    private static int slot(int nd, int dev) {
        return dev == LlamaCppLayerDevices.CPU ? nd : dev;
    }

    private static void add(long[] into, int nd, int dev, long hostBytes, long gpuBytes) {
        int i = slot(nd, dev);
        into[i] = Math.addExact(into[i], dev == LlamaCppLayerDevices.CPU ? pad(hostBytes, HOST_ALIGNMENT) : gpuBytes);
    }

    private static long padded(long bytes, int dev) {
        return bytes == 0 ? 0 : pad(bytes, dev == LlamaCppLayerDevices.CPU ? HOST_ALIGNMENT : LlamaCppWeights.GPU_ALIGNMENT);
    }

    private static long pad(long n, long to) {
        return Math.ceilDiv(n, to) * to;
    }

    private static List<String> log(LlamaCppLayerDevices layers, int nd, String backend, boolean useMmap,
            long[] model, long[][] byCache, EngineAllocation caches) {
        List<String> log = new ArrayList<>();
        if (nd > 0) {
            // llama_model_base::load_tensors counts min(n_gpu_layers, n_layer) and takes the output layer from it.
            int ngl = layers.nGpuLayers();
            int repeating = Math.min(ngl, layers.layers());
            if (repeating > 0) {
                log.add("load_tensors: offloading output layer to GPU");
                repeating--;
            }
            log.add(String.format(Locale.ROOT, "load_tensors: offloading %d repeating layers to GPU", repeating));
            log.add(String.format(Locale.ROOT, "load_tensors: offloaded %d/%d layers to GPU", Math.min(ngl, layers.layers() + 1),
                    layers.layers() + 1));
        }
        String host = useMmap ? "CPU_Mapped" : "CPU";
        buffers(log, model, nd, backend, host, "load_tensors: %12s model buffer size = %8s MiB");
        int cache = 0;
        for (String line : caches.log()) {
            if (line.startsWith("llama_kv_cache: size =")) {
                buffers(log, byCache[cache == 0 ? 0 : 1], nd, backend, "CPU", "llama_kv_cache: %10s KV buffer size = %8s MiB");
                cache++;
            } else if (line.startsWith("llama_memory_recurrent: size =")) {
                buffers(log, byCache[2], nd, backend, "CPU", "llama_memory_recurrent: %10s RS buffer size = %8s MiB");
            }
            log.add(line);
        }
        return log;
    }

    /** One line per buffer with bytes, host first: "CPU…" sorts before "CUDA0" and "ROCm0". */
    private static void buffers(List<String> log, long[] bytes, int nd, String backend, String host, String format) {
        if (bytes[nd] > 0) {
            log.add(String.format(Locale.ROOT, format, host, mib(bytes[nd])));
        }
        for (int d = 0; d < nd; d++) {
            if (bytes[d] > 0) {
                log.add(String.format(Locale.ROOT, format, gpuName(backend, d), mib(bytes[d])));
            }
        }
    }

    private static String refusal(DeviceMemory d, int device) {
        return String.format(Locale.ROOT, "ggml_backend_cuda_buffer_type_alloc_buffer: allocating %s MiB on device %d: "
                + "cudaMalloc failed: out of memory. %s needs %s for weights and caches; the driver reports %s.",
                mib(d.usedBytes()).strip(), device, d.name() + " (" + d.label() + ")", ByteCount.of(d.usedBytes()).display(),
                ByteCount.of(d.totalBytes()).display());
    }

    /** {@code %.2f} of {@code bytes / 1024.0 / 1024.0}: glibc rounds the exact binary value half to even. */
    static String mib(long bytes) {
        return new BigDecimal(bytes / 1024.0 / 1024.0).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
