package app.bytewise.oracle.llamacpp;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The two parameter structs of llama.cpp's C API, passed and returned by value. Field order and
 * types from {@code include/llama.h} of ggml-org/llama.cpp tag v0.5.0 (read in the copy npm
 * {@code node-llama-cpp@3.22.1} bundles as {@code llama/gitRelease.bundle}, squashed commit
 * de3ff815ea7d559ee917f063901b8986f038abc6), x86-64 System V alignment. The sizes are asserted
 * against what the binary was measured to use (80 and 160 bytes), and the defaults the library
 * returns are checked field by field in {@link #checkDefaults}, so a shifted field fails loudly.
 */
final class LlamaCppParams {

    /** {@code struct llama_model_params}. */
    static final StructLayout MODEL = structLayout(
            ADDRESS.withName("devices"),
            ADDRESS.withName("tensor_buft_overrides"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("load_mode"),
            JAVA_INT.withName("lazy_mode"),
            JAVA_INT.withName("main_gpu"),
            paddingLayout(4),
            ADDRESS.withName("tensor_split"),
            ADDRESS.withName("progress_callback"),
            ADDRESS.withName("progress_callback_user_data"),
            ADDRESS.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("check_tensors"),
            JAVA_BOOLEAN.withName("use_extra_bufts"),
            JAVA_BOOLEAN.withName("no_host"),
            JAVA_BOOLEAN.withName("no_alloc"),
            JAVA_BOOLEAN.withName("load_mtp"),
            paddingLayout(2));

    /** {@code struct llama_context_params}. */
    static final StructLayout CONTEXT = structLayout(
            JAVA_INT.withName("n_ctx"),
            JAVA_INT.withName("n_batch"),
            JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("n_rs_seq"),
            JAVA_INT.withName("n_outputs_max"),
            JAVA_INT.withName("n_outputs_max_per_seq"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("ctx_type"),
            JAVA_INT.withName("rope_scaling_type"),
            JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_INT.withName("flash_attn_type"),
            JAVA_FLOAT.withName("rope_freq_base"),
            JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"),
            JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"),
            JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"),
            JAVA_FLOAT.withName("defrag_thold"),
            ADDRESS.withName("cb_eval"),
            ADDRESS.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"),
            JAVA_INT.withName("type_v"),
            ADDRESS.withName("abort_callback"),
            ADDRESS.withName("abort_callback_data"),
            JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"),
            JAVA_BOOLEAN.withName("no_perf"),
            JAVA_BOOLEAN.withName("op_offload"),
            JAVA_BOOLEAN.withName("swa_full"),
            JAVA_BOOLEAN.withName("kv_unified"),
            paddingLayout(2),
            ADDRESS.withName("samplers"),
            JAVA_LONG.withName("n_samplers"),
            ADDRESS.withName("ctx_other"));

    static {
        if (MODEL.byteSize() != 80 || CONTEXT.byteSize() != 160) {
            throw new AssertionError("llama_model_params is " + MODEL.byteSize() + " bytes and llama_context_params "
                    + CONTEXT.byteSize() + "; the v0.5.0 binary uses 80 and 160");
        }
    }

    /** {@code enum llama_load_mode} and {@code enum llama_lazy_mode} in llama.h. */
    static final int LOAD_MODE_NONE = 0;
    static final int LAZY_MODE_OFF = 0;

    private LlamaCppParams() {
    }

    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(PathElement.groupElement(field));
    }

    static int getInt(MemorySegment s, StructLayout layout, String field) {
        return s.get(JAVA_INT, offset(layout, field));
    }

    static void setInt(MemorySegment s, StructLayout layout, String field, int value) {
        s.set(JAVA_INT, offset(layout, field), value);
    }

    static boolean getBool(MemorySegment s, StructLayout layout, String field) {
        return s.get(JAVA_BOOLEAN, offset(layout, field));
    }

    static void setBool(MemorySegment s, StructLayout layout, String field, boolean value) {
        s.set(JAVA_BOOLEAN, offset(layout, field), value);
    }

    /**
     * The defaults {@code llama_model_default_params} and {@code llama_context_default_params}
     * set in v0.5.0 (src/llama-model.cpp, src/llama-context.cpp): read at the offsets above, they
     * prove the layout matches the binary before anything is passed back to it.
     */
    static void checkDefaults(MemorySegment model, MemorySegment context) {
        expect(model, MODEL, "n_gpu_layers", -1);
        expect(model, MODEL, "split_mode", 1); // LLAMA_SPLIT_MODE_LAYER
        expect(model, MODEL, "load_mode", -1); // LLAMA_LOAD_MODE_AUTO
        expect(model, MODEL, "lazy_mode", 1); // LLAMA_LAZY_MODE_AUTO
        expect(getBool(model, MODEL, "use_extra_bufts") && !getBool(model, MODEL, "no_alloc"),
                "model params booleans");
        expect(context, CONTEXT, "n_ctx", 512);
        expect(context, CONTEXT, "n_batch", 2048);
        expect(context, CONTEXT, "n_ubatch", 512);
        expect(context, CONTEXT, "n_outputs_max_per_seq", 1);
        expect(context, CONTEXT, "flash_attn_type", -1);
        expect(context, CONTEXT, "type_k", 1); // GGML_TYPE_F16
        expect(context, CONTEXT, "type_v", 1);
        expect(context.get(JAVA_FLOAT, offset(CONTEXT, "defrag_thold")) == -1.0f, "defrag_thold");
        expect(getBool(context, CONTEXT, "offload_kqv") && getBool(context, CONTEXT, "swa_full")
                && !getBool(context, CONTEXT, "kv_unified") && !getBool(context, CONTEXT, "embeddings"),
                "context params booleans");
    }

    private static void expect(MemorySegment s, StructLayout layout, String field, int value) {
        expect(getInt(s, layout, field) == value, field + " = " + getInt(s, layout, field) + ", expected " + value);
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("The struct layout does not match this libllama: " + what);
        }
    }
}
