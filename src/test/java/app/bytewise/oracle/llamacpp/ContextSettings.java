package app.bytewise.oracle.llamacpp;

import app.bytewise.engine.checkpoint.GgufTensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code llama_context_params} fields the oracle varies; the rest keep the C API's defaults.
 *
 * @param flashAttn {@code enum llama_flash_attn_type}: -1 auto, 0 off, 1 on
 * @param swaFull the C API's default is true; llama-server and llama-cli default to false
 */
public record ContextSettings(int nCtx, int nBatch, int nUbatch, int nSeqMax, boolean kvUnified, boolean swaFull,
        GgufTensorType typeK, GgufTensorType typeV, int flashAttn, int nThreads) {

    public static final int FLASH_AUTO = -1;
    public static final int FLASH_OFF = 0;
    public static final int FLASH_ON = 1;

    /** The defaults of {@code llama_context_default_params} in v0.5.0, with one thread and this context. */
    public static ContextSettings of(int nCtx) {
        return new ContextSettings(nCtx, 2048, 512, 1, false, true, GgufTensorType.F16, GgufTensorType.F16,
                FLASH_AUTO, 1);
    }

    public ContextSettings withSeqMax(int n) {
        return new ContextSettings(nCtx, nBatch, nUbatch, n, kvUnified, swaFull, typeK, typeV, flashAttn, nThreads);
    }

    public ContextSettings withKvUnified(boolean unified) {
        return new ContextSettings(nCtx, nBatch, nUbatch, nSeqMax, unified, swaFull, typeK, typeV, flashAttn, nThreads);
    }

    public ContextSettings withSwaFull(boolean full) {
        return new ContextSettings(nCtx, nBatch, nUbatch, nSeqMax, kvUnified, full, typeK, typeV, flashAttn, nThreads);
    }

    public ContextSettings withCache(GgufTensorType k, GgufTensorType v) {
        return new ContextSettings(nCtx, nBatch, nUbatch, nSeqMax, kvUnified, swaFull, k, v, flashAttn, nThreads);
    }

    public ContextSettings withFlashAttn(int type) {
        return new ContextSettings(nCtx, nBatch, nUbatch, nSeqMax, kvUnified, swaFull, typeK, typeV, type, nThreads);
    }

    public ContextSettings withBatch(int batch, int ubatch) {
        return new ContextSettings(nCtx, batch, ubatch, nSeqMax, kvUnified, swaFull, typeK, typeV, flashAttn, nThreads);
    }

    /** As {@code key=value} arguments for {@link LlamaCppProbe}. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("n_ctx=" + nCtx);
        args.add("n_batch=" + nBatch);
        args.add("n_ubatch=" + nUbatch);
        args.add("n_seq_max=" + nSeqMax);
        args.add("kv_unified=" + kvUnified);
        args.add("swa_full=" + swaFull);
        args.add("type_k=" + typeK.name());
        args.add("type_v=" + typeV.name());
        args.add("flash_attn_type=" + flashAttn);
        args.add("n_threads=" + nThreads);
        return args;
    }

    static ContextSettings fromArgs(List<String> args) {
        Map<String, String> map = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            map.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new ContextSettings(Integer.parseInt(map.get("n_ctx")), Integer.parseInt(map.get("n_batch")),
                Integer.parseInt(map.get("n_ubatch")), Integer.parseInt(map.get("n_seq_max")),
                Boolean.parseBoolean(map.get("kv_unified")), Boolean.parseBoolean(map.get("swa_full")),
                GgufTensorType.valueOf(map.get("type_k")), GgufTensorType.valueOf(map.get("type_v")),
                Integer.parseInt(map.get("flash_attn_type")), Integer.parseInt(map.get("n_threads")));
    }
}
