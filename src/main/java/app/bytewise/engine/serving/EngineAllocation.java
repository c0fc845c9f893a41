package app.bytewise.engine.serving;

import java.util.List;
import java.util.Optional;

/**
 * What a serving engine allocates for a model with given settings, and what it would print.
 *
 * @param tokensPerSequence context cells each sequence may use
 * @param cacheTokens tokens the attention cache holds in all (llama.cpp: cells × streams; vLLM: its
 *     "GPU KV cache size")
 * @param concurrency sequences of {@code tokensPerSequence} served at once (llama.cpp: {@code n_seq_max};
 *     vLLM: its "Maximum concurrency", a ratio)
 * @param refusal the engine's own reason when it would not start with these settings
 * @param log the startup lines the engine would print about its caches
 */
public record EngineAllocation(String engine, String version, List<CacheAllocation> caches, long tokensPerSequence,
        int sequences, long cacheTokens, double concurrency, Optional<String> refusal, List<String> log,
        List<String> notes) {

    public EngineAllocation {
        caches = List.copyOf(caches);
        log = List.copyOf(log);
        notes = List.copyOf(notes);
    }

    /** Every attention cache together: full, sliding and MLA. */
    public long kvCacheBytes() {
        return caches.stream().filter(c -> c.kind() != CacheKind.RECURRENT).mapToLong(CacheAllocation::bytes)
                .reduce(0, Math::addExact);
    }

    public long recurrentStateBytes() {
        return caches.stream().filter(c -> c.kind() == CacheKind.RECURRENT).mapToLong(CacheAllocation::bytes)
                .reduce(0, Math::addExact);
    }

    public long totalBytes() {
        return Math.addExact(kvCacheBytes(), recurrentStateBytes());
    }

    public boolean starts() {
        return refusal.isEmpty();
    }
}
