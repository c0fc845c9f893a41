package app.bytewise.engine.serving.llamacpp;

import app.bytewise.engine.InvalidInputException;

/**
 * The llama.cpp context parameters that shape its caches, named after its C API
 * ({@code struct llama_context_params}, include/llama.h). Defaults are what llama-server and
 * llama-cli pass (common/common.h {@code common_params}): {@code n_ubatch} 512, f16 caches, flash
 * attention auto, not unified, and {@code swa_full} off; {@code nCtx} follows the request.
 *
 * @param nCtx context cells asked for, 0 for the model's training context
 * @param nSeqMax sequences (slots) served at once
 * @param swaFull full-size caches for sliding layers: llama-server and llama-cli pass false unless
 *     {@code --swa-full}; {@code llama_context_default_params()} says true
 */
public record LlamaCppSettings(long nCtx, int nSeqMax, int nUbatch, boolean kvUnified, boolean swaFull,
        LlamaCppCacheType cacheTypeK, LlamaCppCacheType cacheTypeV, FlashAttention flashAttention) {

    /** {@code LLAMA_MAX_SEQ} (src/llama-cparams.h). */
    public static final int MAX_SEQ = 256;
    public static final int DEFAULT_UBATCH = 512;
    /** n_ctx is a {@code uint32_t} in llama_context_params. */
    public static final long MAX_CTX = 0xFFFF_FFFFL;

    /** {@code llama_flash_attn_type}: auto (-1) enables it where the backend supports it, as the CPU does. */
    public enum FlashAttention { AUTO, ON, OFF }

    public LlamaCppSettings {
        if (nCtx < 0 || nCtx > MAX_CTX) {
            throw new InvalidInputException("engine.nCtx", "nCtx must be 0 (the model's training context) to "
                    + "4,294,967,295 cells (a uint32_t in llama.cpp).");
        }
        if (nSeqMax < 1 || nSeqMax > MAX_SEQ) {
            throw new InvalidInputException("engine.nSeqMax", "n_seq_max must be between 1 and " + MAX_SEQ
                    + " (LLAMA_MAX_SEQ).");
        }
        if (nUbatch < 1 || nUbatch > 65_536) {
            throw new InvalidInputException("engine.nUbatch", "nUbatch must be 1 to 65,536 tokens.");
        }
    }

    /**
     * The n_ctx that gives each of {@code sequences} slots {@code perSequence} cells: llama-server's
     * {@code -c} is the total its {@code -np} slots share. Capped at what n_ctx and n_seq_max can hold.
     */
    public static long contextFor(long perSequence, int sequences) {
        return Math.min(MAX_CTX, perSequence * Math.max(1, Math.min(sequences, MAX_SEQ)));
    }

    public static LlamaCppSettings defaults(long nCtx, int nSeqMax) {
        return new LlamaCppSettings(nCtx, nSeqMax, DEFAULT_UBATCH, false, false, LlamaCppCacheType.F16,
                LlamaCppCacheType.F16, FlashAttention.AUTO);
    }

    public LlamaCppSettings withCacheTypes(LlamaCppCacheType k, LlamaCppCacheType v) {
        return new LlamaCppSettings(nCtx, nSeqMax, nUbatch, kvUnified, swaFull, k, v, flashAttention);
    }

    public LlamaCppSettings withSwaFull(boolean full) {
        return new LlamaCppSettings(nCtx, nSeqMax, nUbatch, kvUnified, full, cacheTypeK, cacheTypeV, flashAttention);
    }

    public LlamaCppSettings withUnified(boolean unified) {
        return new LlamaCppSettings(nCtx, nSeqMax, nUbatch, unified, swaFull, cacheTypeK, cacheTypeV, flashAttention);
    }

    public LlamaCppSettings withFlashAttention(FlashAttention fa) {
        return new LlamaCppSettings(nCtx, nSeqMax, nUbatch, kvUnified, swaFull, cacheTypeK, cacheTypeV, fa);
    }

    public LlamaCppSettings withUbatch(int ubatch) {
        return new LlamaCppSettings(nCtx, nSeqMax, ubatch, kvUnified, swaFull, cacheTypeK, cacheTypeV, flashAttention);
    }
}
