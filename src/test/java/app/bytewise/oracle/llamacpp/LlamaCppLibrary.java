package app.bytewise.oracle.llamacpp;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real llama.cpp (tag v0.5.0, the CPU build in npm {@code @node-llama-cpp/linux-x64@3.22.1})
 * bound through the foreign-function API. Signatures from {@code include/llama.h},
 * {@code ggml/include/ggml.h} and {@code ggml-backend.h} of that tag (see {@link LlamaCppParams}).
 * One instance per process: llama.cpp's logger and backend registry are global. Only
 * {@link LlamaCppProbe} uses it, in a child JVM, because a failed {@code GGML_ASSERT} aborts the
 * whole process.
 */
final class LlamaCppLibrary {

    /** The environment variable naming the directory with libllama.v0.5.0.so and the ggml libraries. */
    static final String LIB_VARIABLE = "BYTEWISE_LLAMACPP_LIB";
    static final String LLAMA = "libllama.v0.5.0.so";

    private static final Linker LINKER = Linker.nativeLinker();

    private final Arena arena = Arena.ofShared();
    private final SymbolLookup symbols;
    private final LogLines log;
    private final MethodHandle modelDefaultParams;
    private final MethodHandle contextDefaultParams;
    private final MethodHandle modelLoad;
    private final MethodHandle initFromModel;
    private final MethodHandle modelSize;
    private final MethodHandle modelNParams;
    private final MethodHandle free;
    private final MethodHandle modelFree;
    private final MethodHandle memoryBreakdown;
    private final MethodHandle buftName;

    /**
     * Loads the libraries from {@code dir}, routes every log line (llama's and ggml's) to
     * {@code logLine}, loads the CPU backend variants and initialises llama.
     */
    LlamaCppLibrary(Path dir, Consumer<LogLines.Line> logLine) {
        if (!Files.isRegularFile(dir.resolve(LLAMA))) {
            throw new IllegalStateException(dir + " has no " + LLAMA);
        }
        // libllama's RUNPATH is $ORIGIN, so dlopen finds libggml*.so beside it.
        symbols = SymbolLookup.libraryLookup(dir.resolve(LLAMA), arena)
                .or(SymbolLookup.libraryLookup(dir.resolve("libggml.v0.5.0.so"), arena))
                .or(SymbolLookup.libraryLookup(dir.resolve("libggml-base.so"), arena));
        log = new LogLines(logLine);

        // void llama_log_set(ggml_log_callback, void *); callback(enum ggml_log_level, const char *, void *)
        MethodHandle callback;
        try {
            callback = MethodHandles.lookup().findVirtual(LogLines.class, "accept",
                    MethodType.methodType(void.class, int.class, MemorySegment.class, MemorySegment.class)).bindTo(log);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        MemorySegment stub = LINKER.upcallStub(callback, FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS), arena);
        invoke(handle("llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS)), stub, MemorySegment.NULL);

        invoke(handle("ggml_backend_load_all_from_path", FunctionDescriptor.ofVoid(ADDRESS)),
                arena.allocateFrom(dir.toString()));
        invoke(handle("llama_backend_init", FunctionDescriptor.ofVoid()));

        modelDefaultParams = handle("llama_model_default_params", FunctionDescriptor.of(LlamaCppParams.MODEL));
        contextDefaultParams = handle("llama_context_default_params", FunctionDescriptor.of(LlamaCppParams.CONTEXT));
        modelLoad = handle("llama_model_load_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaCppParams.MODEL));
        initFromModel = handle("llama_init_from_model", FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaCppParams.CONTEXT));
        modelSize = handle("llama_model_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelNParams = handle("llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        free = handle("llama_free", FunctionDescriptor.ofVoid(ADDRESS));
        modelFree = handle("llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
        // C++: std::map<...> llama_get_memory_breakdown(const llama_context *) (src/llama-ext.h). A
        // std::map is not trivially copyable, so the Itanium C++ ABI returns it through a hidden
        // pointer to caller-provided storage, passed as the first argument and returned in rax.
        memoryBreakdown = handle("_Z26llama_get_memory_breakdownPK13llama_context",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        buftName = handle("ggml_backend_buft_name", FunctionDescriptor.of(ADDRESS, ADDRESS));

        LlamaCppParams.checkDefaults(modelDefaultParams(), contextDefaultParams());
    }

    /** The C API's defaults, in memory this library owns. */
    MemorySegment modelDefaultParams() {
        return (MemorySegment) invoke(modelDefaultParams, (SegmentAllocator) arena);
    }

    MemorySegment contextDefaultParams() {
        return (MemorySegment) invoke(contextDefaultParams, (SegmentAllocator) arena);
    }

    /**
     * Sizes the model without reading or allocating its weights: {@code no_alloc}, no mmap (which
     * asserts on a file whose data is a hole) and no lazy reads (which need mmap). Without the CPU's
     * extra buffer types ({@code use_extra_bufts} off): which ones a machine has (AMX, repacking)
     * depends on its CPU, and they move tensors between buffers, so the answer would too.
     *
     * @return the model, or {@code NULL} when llama.cpp refused the file (it logs why)
     */
    MemorySegment loadModelWithoutData(Path gguf) {
        MemorySegment params = modelDefaultParams();
        LlamaCppParams.setBool(params, LlamaCppParams.MODEL, "no_alloc", true);
        LlamaCppParams.setBool(params, LlamaCppParams.MODEL, "use_extra_bufts", false);
        LlamaCppParams.setInt(params, LlamaCppParams.MODEL, "load_mode", LlamaCppParams.LOAD_MODE_NONE);
        LlamaCppParams.setInt(params, LlamaCppParams.MODEL, "lazy_mode", LlamaCppParams.LAZY_MODE_OFF);
        LlamaCppParams.setInt(params, LlamaCppParams.MODEL, "n_gpu_layers", 0);
        return (MemorySegment) invoke(modelLoad, arena.allocateFrom(gguf.toString()), params);
    }

    /** @return the context, or {@code NULL} when llama.cpp refused the settings (it logs why) */
    MemorySegment initContext(MemorySegment model, ContextSettings s) {
        MemorySegment p = contextDefaultParams();
        var layout = LlamaCppParams.CONTEXT;
        LlamaCppParams.setInt(p, layout, "n_ctx", s.nCtx());
        LlamaCppParams.setInt(p, layout, "n_batch", s.nBatch());
        LlamaCppParams.setInt(p, layout, "n_ubatch", s.nUbatch());
        LlamaCppParams.setInt(p, layout, "n_seq_max", s.nSeqMax());
        LlamaCppParams.setInt(p, layout, "n_threads", s.nThreads());
        LlamaCppParams.setInt(p, layout, "n_threads_batch", s.nThreads());
        LlamaCppParams.setInt(p, layout, "flash_attn_type", s.flashAttn());
        LlamaCppParams.setInt(p, layout, "type_k", s.typeK().id());
        LlamaCppParams.setInt(p, layout, "type_v", s.typeV().id());
        LlamaCppParams.setBool(p, layout, "kv_unified", s.kvUnified());
        LlamaCppParams.setBool(p, layout, "swa_full", s.swaFull());
        return (MemorySegment) invoke(initFromModel, model, p);
    }

    long modelSize(MemorySegment model) {
        return (long) invoke(modelSize, model);
    }

    long modelNParams(MemorySegment model) {
        return (long) invoke(modelNParams, model);
    }

    /**
     * {@code llama_model_quantize(in, out, params)} with {@code dry_run}: llama-quantize's choice of a
     * type for every tensor, logged, without reading or writing tensor data (src/llama-quant.cpp).
     * {@code struct llama_model_quantize_params} (include/llama.h): four int32 (nthread, ftype,
     * output_tensor_type, token_embedding_type), six bools (… pure, keep_split, dry_run), four
     * pointers and a size_t.
     *
     * @return llama_model_quantize's result, 0 on success
     */
    int quantizeDryRun(Path in, Path out, int ftype, boolean imatrix) {
        StructLayout layout = MemoryLayout.structLayout(JAVA_INT.withName("nthread"), JAVA_INT.withName("ftype"),
                JAVA_INT.withName("output_tensor_type"), JAVA_INT.withName("token_embedding_type"),
                JAVA_BOOLEAN.withName("allow_requantize"), JAVA_BOOLEAN.withName("quantize_output_tensor"),
                JAVA_BOOLEAN.withName("only_copy"), JAVA_BOOLEAN.withName("pure"), JAVA_BOOLEAN.withName("keep_split"),
                JAVA_BOOLEAN.withName("dry_run"), MemoryLayout.paddingLayout(2), ADDRESS.withName("imatrix"),
                ADDRESS.withName("kv_overrides"), ADDRESS.withName("tt_overrides"), ADDRESS.withName("prune_layers"),
                JAVA_LONG.withName("max_buf_size"));
        MemorySegment params = (MemorySegment) invoke(handle("llama_model_quantize_default_params",
                FunctionDescriptor.of(layout)), (SegmentAllocator) arena);
        if (params.get(JAVA_BOOLEAN, layout.byteOffset(MemoryLayout.PathElement.groupElement("dry_run")))
                || !params.get(JAVA_BOOLEAN, layout.byteOffset(MemoryLayout.PathElement.groupElement("quantize_output_tensor")))) {
            throw new IllegalStateException("llama_model_quantize_params does not have the layout of v0.5.0's llama.h");
        }
        params.set(JAVA_INT, layout.byteOffset(MemoryLayout.PathElement.groupElement("nthread")), 1);
        params.set(JAVA_INT, layout.byteOffset(MemoryLayout.PathElement.groupElement("ftype")), ftype);
        params.set(JAVA_BOOLEAN, layout.byteOffset(MemoryLayout.PathElement.groupElement("dry_run")), true);
        if (imatrix) {
            // A dry run reads only that an imatrix is present (qs.has_imatrix), not its values: one entry,
            // then the {NULL, NULL, 0} that ends the list (struct llama_model_imatrix_data, include/llama.h).
            StructLayout entry = MemoryLayout.structLayout(ADDRESS.withName("name"), ADDRESS.withName("data"),
                    JAVA_LONG.withName("size"));
            MemorySegment list = arena.allocate(entry, 2);
            list.set(ADDRESS, 0, arena.allocateFrom("blk.0.ffn_down.weight"));
            list.set(ADDRESS, 8, arena.allocateFrom(JAVA_FLOAT, 1f));
            list.set(JAVA_LONG, 16, 1L);
            params.set(ADDRESS, layout.byteOffset(MemoryLayout.PathElement.groupElement("imatrix")), list);
        }
        MethodHandle quantize = handle("llama_model_quantize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        return (int) invoke(quantize, arena.allocateFrom(in.toString()), arena.allocateFrom(out.toString()), params);
    }

    /** The exact bytes per buffer type, decoded from the returned std::map. */
    Map<String, Allocation.Buffer> memoryBreakdown(MemorySegment context) {
        MemorySegment map = arena.allocate(StdMap.SIZE, 8);
        invoke(memoryBreakdown, map, context);
        // The map's nodes stay allocated: freeing them needs its C++ destructor, and the probe's
        // process ends right after.
        return StdMap.decode(map, buft -> ((MemorySegment) invoke(buftName, buft)).reinterpret(256).getString(0));
    }

    void free(MemorySegment context, MemorySegment model) {
        if (!context.equals(MemorySegment.NULL)) {
            invoke(free, context);
        }
        if (!model.equals(MemorySegment.NULL)) {
            invoke(modelFree, model);
        }
    }

    /** Log text not yet ended by a newline. */
    void flushLog() {
        log.flush();
    }

    private MethodHandle handle(String name, FunctionDescriptor descriptor) {
        MemorySegment address = symbols.find(name)
                .orElseThrow(() -> new IllegalStateException("llama.cpp exports no " + name));
        return LINKER.downcallHandle(address, descriptor);
    }

    private static Object invoke(MethodHandle handle, Object... args) {
        try {
            return handle.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
