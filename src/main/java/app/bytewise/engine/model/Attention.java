package app.bytewise.engine.model;

import java.util.Locale;

/**
 * How one layer mixes tokens, with the dimensions its cache or state needs. A closed set: every
 * formula that depends on the attention (KV cache, recurrent state, activations, the engine
 * profiles) handles each kind.
 */
public sealed interface Attention {

    /** Query heads, for activations and the tensor-parallel split; 0 for layers without attention heads. */
    int queryHeads();

    /** Values cached per token (keys and values together), 0 for layers that keep a fixed-size state. */
    long cachedValuesPerToken();

    /** Of {@code context} tokens, how many this layer keeps cached. */
    long tokensKept(long context);

    /** Values of the fixed-size state one sequence holds (recurrent layers), 0 for attention. */
    long stateValues();

    String describe();

    /** Softmax attention over every earlier token (multi-head, grouped- or multi-query). */
    record Full(int heads, int kvHeads, int headDim) implements Attention {
        @Override
        public int queryHeads() {
            return heads;
        }

        @Override
        public long cachedValuesPerToken() {
            return 2L * kvHeads * headDim;
        }

        @Override
        public long tokensKept(long context) {
            return context;
        }

        @Override
        public long stateValues() {
            return 0;
        }

        @Override
        public String describe() {
            return Attention.headText(heads, kvHeads, headDim) + ", full attention";
        }
    }

    /** Attention over the last {@code window} tokens only (Mistral's rolling buffer, Gemma's local layers). */
    record Sliding(int heads, int kvHeads, int headDim, int window) implements Attention {
        @Override
        public int queryHeads() {
            return heads;
        }

        @Override
        public long cachedValuesPerToken() {
            return 2L * kvHeads * headDim;
        }

        @Override
        public long tokensKept(long context) {
            return Math.min(context, window);
        }

        @Override
        public long stateValues() {
            return 0;
        }

        @Override
        public String describe() {
            return Attention.headText(heads, kvHeads, headDim) + ", sliding window of " + String.format(Locale.ROOT, "%,d", window);
        }
    }

    /**
     * Attention within fixed chunks of {@code chunk} tokens (Llama 4's local layers,
     * {@code attention_chunk_size}): a token sees only earlier tokens of its own chunk, so at most
     * {@code chunk} tokens are needed.
     */
    record Chunked(int heads, int kvHeads, int headDim, int chunk) implements Attention {
        @Override
        public int queryHeads() {
            return heads;
        }

        @Override
        public long cachedValuesPerToken() {
            return 2L * kvHeads * headDim;
        }

        @Override
        public long tokensKept(long context) {
            return Math.min(context, chunk);
        }

        @Override
        public long stateValues() {
            return 0;
        }

        @Override
        public String describe() {
            return Attention.headText(heads, kvHeads, headDim) + ", chunked attention of " + String.format(Locale.ROOT, "%,d", chunk);
        }
    }

    /**
     * Multi-head latent attention (DeepSeek-V2, §2.1.2): keys and values are compressed into one
     * latent of {@code kvLoraRank} per token, plus a decoupled rotary key of {@code qkRopeHeadDim}
     * shared by all heads; an engine that absorbs the up-projections caches only those
     * {@code kvLoraRank + qkRopeHeadDim} values per token (576 in DeepSeek-V3), not a key and a value.
     *
     * @param qLoraRank rank of the query compression, 0 when queries are projected directly (V2-Lite)
     */
    record Latent(int heads, int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim)
            implements Attention {
        @Override
        public int queryHeads() {
            return heads;
        }

        @Override
        public long cachedValuesPerToken() {
            return (long) kvLoraRank + qkRopeHeadDim;
        }

        @Override
        public long tokensKept(long context) {
            return context;
        }

        @Override
        public long stateValues() {
            return 0;
        }

        public int qkHeadDim() {
            return qkNopeHeadDim + qkRopeHeadDim;
        }

        @Override
        public String describe() {
            return heads + " heads, latent attention (MLA): latent " + kvLoraRank + " + rotary " + qkRopeHeadDim
                    + " cached per token";
        }
    }

    /**
     * Gated DeltaNet linear attention (Yang et al. 2024; Qwen3-Next's {@code linear_attention}
     * layers): a fixed state per sequence, a {@code keyHeadDim × valueHeadDim} matrix per value head
     * and the short convolution's last {@code convKernel − 1} inputs of q, k and v, whatever the context.
     */
    record GatedDeltaNet(int keyHeads, int valueHeads, int keyHeadDim, int valueHeadDim, int convKernel)
            implements Attention {
        @Override
        public int queryHeads() {
            return 0;
        }

        @Override
        public long cachedValuesPerToken() {
            return 0;
        }

        @Override
        public long tokensKept(long context) {
            return 0;
        }

        /** Channels of the convolution over q, k and v. */
        public long convChannels() {
            return 2L * keyHeads * keyHeadDim + (long) valueHeads * valueHeadDim;
        }

        @Override
        public long stateValues() {
            return (long) valueHeads * keyHeadDim * valueHeadDim + (convKernel - 1L) * convChannels();
        }

        @Override
        public String describe() {
            return "gated DeltaNet: " + keyHeads + " key / " + valueHeads + " value heads, fixed state";
        }
    }

    /**
     * A selective state-space (Mamba) mixer: a fixed state per sequence, the SSM state plus the causal
     * convolution's last {@code convKernel − 1} inputs. Mamba-1 keeps {@code innerSize × stateSize}
     * (Gu and Dao 2023); Mamba-2 {@code heads × headDim × stateSize} with {@code groups} shared B/C
     * (Dao and Gu 2024), its convolution also over B and C.
     */
    record Mamba(int version, long innerSize, int stateSize, int groups, int heads, int convKernel) implements Attention {
        /**
         * Mamba-1 has neither heads nor groups (0 for both); its {@code dt_rank} sizes only tensors, not
         * the state. Mamba-2's heads must split the inner size evenly ({@code num_heads × head_dim}).
         */
        public Mamba {
            if (version == 1 ? heads != 0 || groups != 0
                    : version != 2 || heads < 1 || groups < 1 || innerSize % heads != 0 || heads % groups != 0) {
                throw new IllegalArgumentException("Mamba-" + version + ": inner " + innerSize + ", " + heads
                        + " heads, " + groups + " groups");
            }
        }

        /** Mamba-2's head dimension ({@code head_dim}); 0 for Mamba-1. */
        public long headDim() {
            return version == 1 ? 0 : innerSize / heads;
        }

        @Override
        public int queryHeads() {
            return 0;
        }

        @Override
        public long cachedValuesPerToken() {
            return 0;
        }

        @Override
        public long tokensKept(long context) {
            return 0;
        }

        public long convChannels() {
            return version == 1 ? innerSize : innerSize + 2L * groups * stateSize;
        }

        @Override
        public long stateValues() {
            // Mamba-2's heads × head_dim is the inner size, so both versions hold innerSize × stateSize.
            return innerSize * stateSize + (convKernel - 1L) * convChannels();
        }

        @Override
        public String describe() {
            return "Mamba-" + version + " mixer: inner " + innerSize + ", state " + stateSize + ", fixed state";
        }
    }

    private static String headText(int heads, int kvHeads, int headDim) {
        return heads + " heads × " + headDim + (kvHeads == heads ? "" : ", " + kvHeads + " KV heads");
    }
}
