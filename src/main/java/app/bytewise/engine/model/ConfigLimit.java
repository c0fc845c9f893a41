package app.bytewise.engine.model;

/**
 * The largest value of each model dimension a {@code config.json} may give. Each bound is 10–100×
 * the largest published model's, so every real config reads, while an absurd one (ten million
 * layers) is refused at once instead of costing minutes and gigabytes; with these bounds and
 * {@link Model#MAX_PARAMETERS} every byte count of an estimate fits in a {@code long}.
 */
public enum ConfigLimit {
    /** Llama-3.1-405B has 126 layers, DeepSeek-V3 61: 16× the deepest. */
    LAYERS(2_048),
    /** Nemotron-4-340B 18,432, Llama-3.1-405B 16,384, DeepSeek-V3 7,168: 14× the widest. */
    HIDDEN(262_144),
    /** Nemotron-4-340B's MLP is 73,728 wide, Llama-3.1-405B's 53,248: 14× the widest. */
    INTERMEDIATE(1_048_576),
    /** Llama-3.1-405B and DeepSeek-V3 have 128 attention heads: 32×. Also bounds the KV heads. */
    HEADS(4_096),
    /** Gemma's 256 is the widest head: 16×. */
    HEAD_DIM(4_096),
    /** Kimi K2 has 384 routed experts, DeepSeek-V3 256: 10×. Also bounds the experts per token. */
    EXPERTS(4_096),
    /** Gemma 3's 262,144 tokens is the largest vocabulary: 16×. */
    VOCABULARY(4_194_304),
    /** Llama 4 Scout is trained for 10M tokens of context (10,485,760 positions): 12×. Also bounds windows. */
    POSITIONS(134_217_728);

    private final long max;

    ConfigLimit(long max) {
        this.max = max;
    }

    public long max() {
        return max;
    }
}
