package app.bytewise.drill;

/**
 * The named mistakes a wrong answer can come from. Each wrong option of a question is one of these
 * applied to the same computation, and a typed answer that lands on one is diagnosed with it.
 */
public enum Misconception {
    GIB_AS_GB("Used GiB where GB was asked",
            "You divided by 2^30 (GiB) and called it GB. A GB is 10^9 bytes; the GiB figure is about 7% smaller."),
    GB_AS_GIB("Used GB where GiB was asked",
            "You divided by 10^9 (GB) but the question asks for GiB, which are 2^30 bytes each (and a MiB is 2^20 "
                    + "bytes, not 10^6)."),
    UNIT_SLIP("Wrote the right number with the wrong unit",
            "The number is right in the unit the question asks for, but the unit written beside it is another one of the "
                    + "same kind: a GB (10^9 bytes) is 7% smaller than a GiB (2^30), an MB 5% smaller than a MiB. The unit is "
                    + "part of the answer."),
    NOMINAL_PARAMETER_COUNT("Took the name's size as the parameter count",
            "\"7B\" is a label: Llama-2-7B has 6,738,415,616 parameters. Count from the architecture, not the name."),
    WRONG_FORMAT_BYTES("Used the bytes of the wrong format",
            "Each format has its own width: FP32 4 bytes, FP16/BF16 2, FP8/INT8 1, INT4 half a byte per parameter."),
    BITS_AS_BYTES("Confused bits and bytes", "A byte is 8 bits: divide the bit width by 8 to get bytes per parameter."),
    NOMINAL_BITS("Ignored scales and unquantized tensors",
            "Quantized checkpoints store scales (and zero points) per group and keep embeddings, the output head and "
                    + "norms in 16 bits, so they take more than parameters × nominal bits."),
    GGUF_HALF_BYTE("Took a 4-bit GGUF file as parameters × 0.5 bytes",
            "llama.cpp's k-quant mixes store block scales and keep some tensors at 6 bits: Q4_K_M averages about "
                    + "4.8 bits per weight, so a file is about 20% larger than params × 0.5."),
    KV_NO_FACTOR_TWO("Forgot the factor 2 for keys and values",
            "Every layer caches a key and a value vector per KV head and token: the formula starts with 2 ×."),
    KV_ATTENTION_HEADS("Used attention heads instead of KV heads",
            "With grouped-query or multi-query attention several query heads share one KV head; the cache holds only "
                    + "the KV heads."),
    FORGOT_KV_CACHE("Forgot the KV cache", "Serving needs the KV cache beside the weights; at long context it can "
            + "exceed the weights."),
    FORGOT_OVERHEAD("Forgot the runtime overhead",
            "The CUDA context and framework take memory too (about 1 GiB here) before any tensor is allocated."),
    FORGOT_BATCH("Forgot the batch size", "Each sequence in the batch has its own KV cache and activations."),
    ADAM_TEN_BYTES("Counted Adam at 10 bytes per parameter",
            "Mixed-precision Adam keeps 16-bit weights (2) and gradients (2) plus FP32 master weights, momentum and "
                    + "variance (12): 16 bytes per parameter, not 10."),
    FORGOT_GRADIENTS("Forgot the gradients", "Training keeps a gradient for every trainable parameter."),
    FROZEN_BASE_TRAINED("Gave the frozen base gradients and optimizer state",
            "With LoRA or QLoRA only the adapters train: the base weights are stored once in their format and have no "
                    + "gradients, master copy or Adam moments."),
    FORGOT_MASTER_WEIGHTS("Forgot the FP32 master weights",
            "Mixed precision keeps an FP32 copy of the weights as optimizer state: K = 12 bytes, not 8."),
    WRONG_ZERO_STAGE("Sharded the wrong states for this ZeRO stage",
            "Stage 1 shards optimizer state, stage 2 also gradients, stage 3 also the parameters; the rest stays "
                    + "replicated on every GPU."),
    ZERO_FIXED_FACTORS("Took ZeRO's savings as fixed factors",
            "ZeRO divides the sharded states by the number of data-parallel GPUs; \"4×, 8×, 16×\" hold only for one "
                    + "configuration."),
    WRONG_BUBBLE_DEFINITION("Mixed up the two bubble definitions",
            "GPipe's (p−1)/(m+p−1) is the idle share of the whole schedule; Megatron's (p−1)/m is bubble time over "
                    + "ideal compute time. Use the one the question names."),
    BUBBLE_NO_MINUS_ONE("Counted p idle slots instead of p − 1",
            "Only p − 1 stages wait at the start (and end) of a flush: the first stage starts at once."),
    BUBBLE_ONE_MICROBATCH("Ignored the micro-batches",
            "(p − 1)/p is the bubble with a single micro-batch; m micro-batches spread it over m + p − 1 slots."),
    BUBBLE_SWAPPED("Swapped stages and micro-batches",
            "p is the number of pipeline stages and m the number of micro-batches; the bubble grows with p and shrinks with m."),
    ATTENTION_ONE_HEAD("Counted one attention head",
            "Every head has its own s × s score matrix: multiply by the number of heads."),
    PER_LAYER_ONLY("Counted one layer",
            "The formula gives one layer; the whole model stores it for every layer."),
    SCALE_PER_WEIGHT("Counted a scale for every weight",
            "One scale is shared by a whole block: its 16 bits are spread over all the block's weights."),
    FLASH_STORES_SCORES("Counted the attention scores despite FlashAttention",
            "FlashAttention recomputes the scores in the backward pass instead of storing them, which removes the "
                    + "5·a·s/h term."),
    FORGOT_OUTPUT_HEAD("Forgot the output head",
            "Unless the embeddings are tied, the output head is a separate vocab × hidden matrix."),
    FORGOT_EMBEDDINGS("Counted only the transformer blocks",
            "The token embedding table (vocab × hidden) holds parameters too, often hundreds of millions."),
    TIED_HEAD_COUNTED("Counted a tied output head separately",
            "With tied embeddings the output head reuses the embedding matrix: it is stored once."),
    NO_CONTEXT_PADDING("Did not pad llama.cpp's context",
            "llama.cpp rounds n_ctx up to a multiple of 256 cells, and without a unified cache each sequence's stream of "
                    + "n_ctx / n_seq_max cells is rounded up again."),
    CONTEXT_PER_SLOT("Gave every slot the whole context",
            "llama-server's -c is the total: its -np slots share it, each getting a stream of n_ctx / n_seq_max cells."),
    CONCURRENCY_AS_TOKENS_RATIO("Divided the cache's tokens by the request length",
            "vLLM's maximum concurrency is its pages divided by the pages one request needs in every layer group: "
                    + "sliding-window layers need only the window's pages, so it is not the token count over max_model_len."),
    WINDOW_WITHOUT_BATCHED_TOKENS("Kept only the window in a sliding layer's pages",
            "vLLM reserves window − 1 + max_num_batched_tokens tokens (and one page more) for a sliding layer: a whole "
                    + "scheduler step of new tokens arrives before the oldest leave the window."),
    PAGES_PER_LAYER("Counted vLLM's pages once per layer",
            "One vLLM block holds a page of every layer in its group, so a request needs its pages once per group, not "
                    + "once per layer."),
    LATENT_AS_HEADS("Counted latent attention as per-head keys and values",
            "Multi-head latent attention (DeepSeek-V2/V3, Kimi K2) caches one compressed vector of kv_lora_rank + "
                    + "qk_rope_head_dim values per token and layer, not a key and a value for every head."),
    LATENT_DOUBLED("Doubled the latent as if it were a key and a value",
            "The MLA cache is one latent vector per token and layer: there is no factor 2."),
    FORGOT_ROPE_KEY("Forgot the decoupled rotary key",
            "Besides the kv_lora_rank latent, MLA caches a rotary key of qk_rope_head_dim values shared by all heads "
                    + "(512 + 64 = 576 in DeepSeek-V3)."),
    ACTIVE_AS_TOTAL("Counted only the active parameters in memory",
            "A mixture of experts uses a few experts per token, but every expert must be in memory: the weights take "
                    + "all parameters × bytes, the active count only sets compute and bytes read per token."),
    HYBRID_ALL_ATTENTION("Counted every layer of a hybrid as attention",
            "In Jamba or Qwen3-Next only some layers attend; the Mamba or DeltaNet layers keep a fixed state per "
                    + "sequence, however long the context."),
    FORGOT_RECURRENT_STATE("Forgot the recurrent layers' state",
            "Mamba and DeltaNet layers keep a fixed state per sequence (FP32 in llama.cpp): small, but per sequence."),
    IGNORED_SLIDING_WINDOW("Ignored the sliding window",
            "Layers with a sliding window attend to (and cache) at most the window's tokens, however long the context."),
    IGNORED_PAGE_ROUNDING("Ignored the page rounding",
            "Paged KV caches allocate whole blocks (16 tokens in vLLM): each sequence rounds up to a multiple of the block."),
    MOE_ALL_EXPERTS("Counted every expert as active",
            "A mixture-of-experts model routes each token to only k of its experts: the others are stored but not used."),
    MOE_FRACTION_OF_ALL("Scaled everything by k/E",
            "Only the expert MLPs are sparse: attention, embeddings and norms are used by every token."),
    RING_NO_FACTOR_TWO("Forgot that a ring all-reduce moves the data twice",
            "A ring all-reduce is a reduce-scatter plus an all-gather: each GPU sends 2·(N−1)/N of the buffer."),
    BIDIRECTIONAL_BANDWIDTH("Used the two-way bandwidth for a one-way copy",
            "PCIe 4.0 x16 moves about 32 GB/s in each direction; the often-quoted 64 GB/s counts both directions."),
    QUADRATIC_AS_LINEAR("Treated quadratic growth as linear",
            "The score matrix is s × s: doubling the context multiplies it by four."),
    WRONG_MANTISSA("Used the wrong mantissa width",
            "FP32 has 23 stored mantissa bits, FP16 10 and BF16 7: the spacing near x is 2^(exponent − mantissa bits)."),
    ULP_OFF_BY_ONE("Took the wrong power of two",
            "The spacing follows the power of two just below x: for x in [2^e, 2^(e+1)) it is 2^(e − mantissa bits)."),
    IGNORED_EXPONENT("Ignored the exponent",
            "Floating-point spacing grows with the value: it is relative, not the same everywhere."),
    SYMMETRIC_255("Used 255 levels for a symmetric grid",
            "Symmetric INT8 maps ±absmax to ±127, so the step is absmax / 127."),
    INVERTED_SCALE("Gave the inverse of the scale",
            "The scale is the value of one step, absmax / 127; 127 / absmax is what multiplies x to give the code."),
    INVERTED_CONVERSION("Converted the wrong way",
            "A GiB (2^30 bytes) is larger than a GB (10^9 bytes): the same memory is a larger number in GB."),
    PIPELINE_ONE_MICROBATCH("Counted one micro-batch in flight",
            "With 1F1B scheduling the first stage holds activations for p micro-batches before its first backward pass."),
    PIPELINE_ALL_MICROBATCHES("Counted all micro-batches in flight",
            "Storing all m micro-batches is GPipe's schedule; 1F1B caps the first stage at p."),
    NON_GATED_MLP("Counted two MLP matrices instead of three",
            "A gated (SwiGLU) MLP has gate, up and down projections: 3 × hidden × intermediate."),
    LORA_ONE_MATRIX("Counted only one LoRA matrix",
            "LoRA adds two matrices per target, A (r × in) and B (out × r): r × (in + out) parameters."),
    FORGOT_TWO_FLOPS("Forgot that a multiply-add is two FLOPs",
            "A forward pass costs about 2 FLOPs per parameter per token: one multiply and one add."),
    NEEDLESS_SACRIFICE("Gave up more precision than needed",
            "A higher-precision option fits: quantizing further (or buying more GPUs) costs accuracy or money for nothing."),
    FORGOT_RECOMPUTE("Counted activations that are recomputed",
            "With recomputation the layers keep less: full recomputation stores only each layer's input, 2·s·b·h bytes."),
    SQUARED_TERM_MISSING("Left out the attention-score term",
            "Without FlashAttention or recomputation the s × s attention scores are stored: 5·a·s/h per s·b·h."),
    ONE_SEQUENCE_ONLY("Read throughput as per-sequence speed",
            "In a batch every sequence advances one token per step: aggregate throughput is per-sequence speed × batch."),
    FORGOT_DIVISION("Forgot to divide across GPUs", "Tensor parallelism splits the weights evenly over the GPUs."),
    LABEL_AS_USABLE("Used the label instead of the memory the driver reports",
            "A process gets what the driver reports, less than the label: with ECC on (the default) nvidia-smi shows a "
                    + "24 GiB A10G as 23,028 MiB and a 16 GiB T4 as 15,360 MiB. Decide fits on the reported total."),
    EXPERTS_ONE_TOKEN("Counted one token's experts for the whole batch",
            "Each token of a batched step picks its own k experts: the layer reads the union of the batch's choices, "
                    + "E × (1 − (1 − k/E)^B) experts in expectation with uniform routing, not k."),
    EXPERTS_NO_OVERLAP("Assumed the tokens never pick the same expert",
            "k × B counts an expert twice when two tokens choose it; the expected number of distinct experts is "
                    + "E × (1 − (1 − k/E)^B), always below both k × B and E."),
    EXPERTS_ALL_AT_BATCH("Assumed a batch reads every expert",
            "An expert is missed by all B tokens of a step with probability ((E − k)/E)^B: at small batches a good share "
                    + "of the experts is not read, E × (1 − (1 − k/E)^B) are."),
    FP4_WRONG_BLOCK("Used the other FP4 format's block size",
            "MXFP4 shares one 8-bit scale among 32 values (4.25 bits per weight); NVFP4 one FP8 scale among 16 (4.5 bits), "
                    + "plus a 4-byte FP32 scale per tensor."),
    SWA_WITHOUT_UBATCH("Gave a sliding layer only its window",
            "llama.cpp keeps window + n_ubatch cells for sliding layers (padded to 256): a whole micro-batch of new tokens "
                    + "is written before the oldest leave the window."),
    SWA_UNPADDED("Did not pad the sliding cache to 256 cells",
            "llama.cpp rounds every KV cache, the sliding one too, up to a multiple of 256 cells."),
    NGL_WITHOUT_OUTPUT("Did not count the output layer among llama.cpp's -ngl layers",
            "llama.cpp offloads layers from the end and counts the output layer as one: -ngl N puts the output layer "
                    + "and the last N − 1 repeating layers on the GPU (all of them from N = layers + 1)."),
    EMBEDDINGS_ON_GPU("Put the token embeddings on the GPU",
            "llama.cpp keeps the token-embedding table on the CPU whatever -ngl says: it is a lookup, not a matrix product."),

    // Bank-only mistakes, grouped by the file of content/questions that names them (one group per file,
    // in this order: precision formats, weight memory, quantization methods, KV cache, KV quantization,
    // inference fit, decode speed, activations, FlashAttention, training memory, ZeRO, parallelism).

    // bank: precision formats

    // bank: weight memory

    // bank: quantization methods

    // bank: KV cache
    KV_FACTOR_AS_BYTES("Took the factor 2 for the bytes of an FP16 value",
            "The leading 2 counts a key and a value; bytes per element is its own factor at the end of the formula, and the "
                    + "2 stays even for a 1-byte FP8 cache."),
    KV_COPY_PER_PHASE("Gave prefill and decode separate caches",
            "Prefill writes the prompt's keys and values into the same cache that decode then extends token by token: there "
                    + "is one copy."),
    KV_FACTOR_FROM_ENGINE("Took the factor 2 for double buffering in the engine",
            "The factor comes from attention itself, which needs the past keys and the past values; how an engine allocates "
                    + "its buffers does not enter the formula."),
    KV_ASSUMED_GQA("Assumed grouped-query attention the model does not use",
            "A model with full multi-head attention has as many KV heads as query heads; read num_key_value_heads from its "
                    + "config rather than assuming fewer."),
    GQA_RATIO_AS_KV_HEADS("Took the number of KV heads as the saving of grouped-query attention",
            "GQA shrinks the cache by query heads ÷ KV heads, the group size: 32 query heads over 8 KV heads make it 4 times "
                    + "smaller, not 8."),
    GQA_SAVES_ONLY_COMPUTE("Thought grouped-query attention saves only compute",
            "The cache holds a key and a value per KV head, so fewer KV heads mean proportionally fewer bytes per token, and "
                    + "fewer bytes read per decode step."),
    GQA_GROWS_WEIGHTS("Thought grouped-query attention enlarges the weights",
            "With fewer KV heads the key and value projection matrices are smaller, so the weights shrink slightly; nothing "
                    + "grows to compensate."),
    KV_QUADRATIC("Took the KV cache as quadratic in the context",
            "The attention scores are s × s, but the cache keeps one key and one value per token, layer and KV head: it "
                    + "grows linearly with the context."),
    KV_SHARED_ACROSS_BATCH("Let the sequences of a batch share one cache",
            "Each sequence has its own keys and values (only an identical prefix can be shared), so the cache is multiplied "
                    + "by the batch size."),
    KV_FIXED_AFTER_PREFILL("Thought the cache stops growing after the prompt",
            "Every generated token appends a key and a value in every layer: the cache keeps growing through decode until "
                    + "the sequence ends."),
    PAGING_AS_COMPRESSION("Took paging for compression",
            "PagedAttention changes how the cache is allocated (in blocks, on demand), not its bytes per token; fewer bytes "
                    + "per token come from fewer KV heads or a quantized cache."),
    PAGING_AS_OFFLOAD("Took paging for offloading to the CPU",
            "vLLM's KV blocks live in GPU memory; it swaps blocks to the CPU only when it preempts a request, and that is "
                    + "not what saves memory."),
    PAGING_AS_EVICTION("Thought paging drops old tokens",
            "PagedAttention keeps every token's keys and values and changes only where they sit in memory; dropping old "
                    + "tokens is what a sliding window does."),
    MQA_REVERSED("Reversed multi-query attention",
            "MQA shares a single key head and value head among all the query heads of a layer: it cuts the K/V heads to one, "
                    + "it does not give a query head several."),
    MQA_AS_BATCHING("Took multi-query attention for batching",
            "Batching runs many users' sequences together and multiplies the KV cache; MQA is an architecture with one K/V "
                    + "head per layer, which shrinks it."),
    MQA_AS_SCHEDULING("Took multi-query attention for a way of computing attention",
            "MQA changes the model's architecture, one K/V head per layer; it is not a schedule of passes over the cache."),

    // bank: KV quantization
    KV_QUANT_TOUCHES_WEIGHTS("Thought KV-cache quantization changes the weights",
            "It acts only on the cached keys and values, whose scales are stored with the cache; the weights keep their own "
                    + "format and size, and quantizing them is a separate choice."),
    KV_BITS_RATIO_WRONG("Took the wrong ratio of bit widths",
            "Quantizing divides the bytes by old bits ÷ new bits: 16 to 8 bits halves them, 16 to 4 quarters them, 16 to 2 "
                    + "divides them by 8."),
    PAGING_REPLACES_KV_QUANT("Thought paging and KV quantization save the same memory",
            "PagedAttention removes over-reserved and fragmented memory but keeps the bytes per token; quantization lowers "
                    + "the bytes per token, so the two savings combine."),
    KEY_OUTLIERS_IGNORED("Thought the keys have no outlier channels",
            "In the keys a few fixed channels have very large magnitudes; per-channel groups give them their own scales "
                    + "instead of letting them inflate every token's."),
    KV_CACHED_IN_FP32("Thought the cache holds FP32 keys and values",
            "Keys and values are cached in the model's 16-bit dtype (FP16 or BF16) before any quantization."),
    GROUP_WITHOUT_SCALE("Thought a grouping needs no scale",
            "Every quantization group, per channel or per token, stores its own scale, and in an asymmetric method such as "
                    + "KIVI a zero point too."),
    SINKS_AS_RECENT_TOKENS("Took the attention sinks for the latest tokens",
            "Attention sinks are the first tokens of a sequence (StreamingLLM keeps them); KIVI's full-precision tokens are "
                    + "the most recent ones, waiting to fill a group."),
    RESIDUAL_ONLY_FOR_PREFILL("Thought the full-precision tokens serve only prefill",
            "KIVI keeps its most recent tokens in full precision throughout decoding and quantizes them as a group each time "
                    + "enough have arrived."),
    CODES_IN_RESIDUAL("Thought the full-precision part holds the low-bit codes",
            "The codes and their scales and zero points are stored in their own tensors; the full-precision part holds "
                    + "ordinary 16-bit keys and values of recent tokens."),
    KV_QUANT_NO_OVERHEAD("Ignored the overhead of a quantized cache",
            "Per-group scales and zero points and the full-precision recent tokens add bytes back: a 2-bit cache is somewhat "
                    + "less than 8 times smaller than FP16."),
    PEAK_AS_CACHE_SAVING("Took the peak-memory saving for the cache's",
            "KIVI's reported 2.6× is the cut in peak memory, which includes the unquantized weights; the cache alone shrinks "
                    + "nearly 8 times."),
    KV_QUANT_LOSSLESS("Thought KV-cache quantization is lossless",
            "Rounding keys and values to fewer bits perturbs the attention scores and outputs; the loss is small at 8 bits "
                    + "and grows as the bit width drops."),
    KV_QUANT_NEEDS_TRAINING("Thought KV-cache quantization needs retraining",
            "KIVI is tuning-free, and FP8 KV caches use scales computed without training; the model's weights are left as "
                    + "they are."),
    KV_QUANT_CUTS_FLOPS("Credited the speed-up to fewer FLOPs",
            "Decode is bound by the bytes read per step; a quantized cache leaves the weight matrix multiplies unchanged and "
                    + "speeds decode by reading fewer KV bytes."),
    FORMAT_SETS_CLOCK("Thought the cache format changes the GPU clock",
            "The clock does not depend on how the cache is stored; the speed-up comes from reading fewer bytes per decode "
                    + "step."),
    KV_BYTES_NOT_READ("Counted only the weights in the bytes read per step",
            "Every decode step reads each sequence's whole KV cache as well as the weights; at long context and large batch "
                    + "the cache can outweigh them."),
    SCORES_CACHED("Thought the attention scores are cached",
            "Attention scores are computed afresh at each step from the new query and the cached keys; only keys and values "
                    + "are kept between steps."),
    TOKEN_IDS_FILL_MEMORY("Took the token ids for what fills memory",
            "Token ids are one small integer per token; what grows with the tokens is their keys and values in every layer, "
                    + "often hundreds of KiB per token."),
    VALUES_HAVE_OUTLIER_CHANNELS("Gave the values the keys' outlier channels",
            "KIVI found fixed outlier channels in the keys but no such pattern in the values, which is why values are "
                    + "grouped per token and keys per channel."),
    VALUES_READ_ONCE("Thought cached values are read only once",
            "Every decode step reads all cached values, and their quantization errors enter the attention output directly."),
    GROUPING_SETS_BITS("Thought the grouping sets the bit width",
            "Grouping decides which elements share a scale, and so where the rounding error falls; the bit width is a "
                    + "separate choice (KIVI uses 2 bits for keys and values)."),
    KV_QUANT_SAVES_NOTHING("Thought a quantized KV cache saves no memory",
            "An FP8 cache stores each key and value element in 1 byte instead of FP16's 2: half the bytes per token, so "
                    + "about twice the tokens fit."),

    // bank: inference fit
    TRAINING_STATES_IN_SERVING("Counted training states when serving",
            "Gradients and optimizer states exist only in training; inference runs no backward pass, so serving needs "
                    + "weights, KV cache, activations and overhead."),
    NO_INFERENCE_ACTIVATIONS("Thought inference needs no activation memory",
            "Each layer's forward pass creates intermediate tensors; they are freed quickly but need room while they exist."
                    + "Each layer's forward pass creates intermediate tensors; they are freed quickly but need room while they exist."),
    ONE_LAYER_RESIDENT("Kept only the running layer on the GPU",
            "Standard inference keeps every layer's weights in GPU memory; streaming layers in from CPU memory works but is "
                    + "far slower."),
    DECIMAL_MEMORY_LABEL("Read a GPU's GB as 10^9 bytes",
            "Memory chips come in powers of two and their vendors use GB for 2^30 bytes: a \"24 GB\" GPU holds 24 × 2^30 "
                    + "bytes, about 7% more than 24 × 10^9."),
    GB_AS_1000_MIB("Took a gigabyte of memory as 1,000 MiB",
            "Binary units step by 1,024: a GiB is 1,024 MiB, so 24 GiB is 24,576 MiB. Multiplying MiB by 1,000 mixes binary "
                    + "and decimal units."),
    FIXED_KV_FACTOR("Covered the KV cache with a fixed factor",
            "The KV cache grows linearly with context length and batch size, so no fixed share of the weights can cover it: "
                    + "compute it from tokens × sequences × bytes per token."),
    BYTES_COUNTED_TWICE("Counted the format's bytes twice",
            "The weight figure already includes the bytes per parameter; multiplying it by them again counts them twice, and "
                    + "the extra memory depends on tokens, not on a constant."),
    DRIVER_TAKES_HALF("Thought the driver reserves half the memory",
            "The CUDA context takes hundreds of MB, not half the card; nearly all the memory is usable, less a margin for "
                    + "runtime buffers."),
    HOST_COPY_ON_GPU("Counted a host copy of the weights in GPU memory",
            "A host copy, if there is one, sits in CPU RAM; the GPU holds a single copy of the weights."),
    OVERHEAD_NEGLIGIBLE("Took the runtime overhead as negligible",
            "Initializing CUDA alone holds hundreds of MB for the context and kernels, and allocators and library workspaces "
                    + "add more: budget a margin on every GPU."),
    KV_NOT_SHARDED("Did not split the KV cache across tensor-parallel GPUs",
            "Tensor parallelism splits the KV heads, and so each token's cache, across the GPUs: each stores bytes per token "
                    + "÷ the parallel degree, and their free memory adds up."),
    GQA_MAKES_KV_NEGLIGIBLE("Took grouped-query attention as making the cache negligible",
            "GQA divides the cache by the group size, but at long context it can still exceed the weights: Llama-3.1-8B "
                    + "needs 16 GiB per 131,072-token sequence."),
    WEIGHT_QUANT_SAVES_NOTHING("Thought quantized weights take as much memory",
            "Quantized weights are stored in their low-bit format: 4 bits take about a quarter of FP16's bytes, plus "
                    + "per-group scales."),
    CONTEXT_LIMIT_SAVES_NOTHING("Thought the context limit leaves memory unchanged",
            "The KV cache is proportional to the tokens it holds, so a lower maximum context lowers the cache a request can "
                    + "need."),

    // bank: decode speed
    DECODE_BOUND_BY_SAMPLING("Blamed sampling for the decode time",
            "Sampling a token from the logits is a small operation; a decode step's time goes into reading every weight "
                    + "(and the KV cache) from memory, so it is about bytes read ÷ memory bandwidth."),
    DECODE_BOUND_BY_TOKENIZER("Blamed the tokenizer for the decode time",
            "Turning one token into text on the CPU takes microseconds; a decode step's time goes into reading gigabytes "
                    + "of weights from GPU memory."),
    DECODE_COMPUTE_BOUND("Took small-batch decode as compute-bound",
            "At batch size 1 every weight matrix multiplies a single vector: 2 FLOPs per weight, 1 per byte in 16-bit, far "
                    + "below the hundreds of FLOPs per byte a GPU needs to be compute-bound, so memory bandwidth sets the speed."),
    BANDWIDTH_OVER_GIB("Divided decimal bandwidth by a size in GiB",
            "Bandwidth is quoted in decimal units (1 TB/s = 10^12 bytes/s); dividing it by a size in GiB (2^30 bytes) "
                    + "inflates the rate by about 7%. Put both in the same unit first."),
    CPU_OFFLOAD_IS_CHEAP("Took offloading weights to CPU memory as nearly free",
            "Offloaded weights cross PCIe (about 32 GB/s each way on PCIe 4.0 x16) on every token, tens of times slower "
                    + "than GPU memory: even a small offloaded share dominates the step time."),
    NEWER_GPU_DECODES_FASTER("Ranked GPUs by generation for decode",
            "Batch-1 decode speed follows memory bandwidth, not the architecture's age: an L40S (Ada, 864 GB/s) decodes "
                    + "slower than an A100 80GB (Ampere, 2,039 GB/s)."),
    BATCHING_SHRINKS_WEIGHTS("Thought batching makes the weights smaller",
            "Batching leaves the weights' format and size unchanged; it raises throughput because one read of each "
                    + "weight serves every sequence in the batch."),
    BATCHING_SHRINKS_KV_CACHE("Thought batching shrinks each sequence's KV cache",
            "Every sequence keeps its own full KV cache: the cache, and the bytes read from it per step, grow linearly "
                    + "with the batch."),
    BATCHING_NO_DECODE_GAIN("Thought batching does not speed up decode",
            "Decode is bound by weight reads and one pass over the weights serves the whole batch, so aggregate "
                    + "throughput grows almost linearly with the batch until compute or KV-cache reads dominate."),
    PREFILL_MEMORY_BOUND("Took prefill as memory-bound",
            "Prefill multiplies each weight by every prompt token in the pass: hundreds or thousands of FLOPs per byte "
                    + "read, enough to keep the tensor cores busy."),
    PREFILL_DECODE_SWAPPED("Swapped prefill and decode",
            "Prefill processes many tokens per weight read and is compute-bound; decode processes one token per sequence "
                    + "per read and is memory-bound."),
    WEIGHTS_READ_PER_SEQUENCE("Read the weights once per sequence in a batch",
            "A batched decode step reads each weight once for all the sequences; only the KV cache is read per sequence."),
    LOW_BIT_MATH_SPEEDUP("Credited a quantized model's speed to faster low-bit math",
            "Weight-only quantization dequantizes to 16 bits before the arithmetic; batch-1 decode gets faster because "
                    + "fewer bytes are read per token, by about the ratio of the file sizes."),
    QUANT_ONLY_SAVES_MEMORY("Thought quantization saves memory but not time",
            "Batch-1 decode is bound by the bytes read per token: smaller weights are read faster, so the bound rises by "
                    + "about the ratio of the sizes."),
    SIBLING_CARD_FIGURES("Took the figures of a sibling card",
            "Variants of one GPU differ in memory: an H100 PCIe reads 2.0 TB/s against the H100 SXM's 3.35, an A100 40GB "
                    + "1,555 GB/s against the A100 80GB SXM's 2,039. Check the exact model."),
    INTERCONNECT_AS_MEMORY_BANDWIDTH("Took interconnect bandwidth for memory bandwidth",
            "NVLink and PCIe link GPUs to each other and to the host; decode speed depends on the bandwidth of the GPU's "
                    + "own memory (HBM or GDDR), which is several times higher."),
    FLOPS_AS_BANDWIDTH("Took compute throughput for memory bandwidth",
            "TFLOPS count arithmetic per second, not bytes moved; a GPU's memory bandwidth is a separate figure, and for "
                    + "small-batch decode it is the one that matters."),
    CAPACITY_AS_BANDWIDTH("Took memory capacity for memory bandwidth",
            "How many GB a card holds decides what fits; how many GB per second it reads decides decode speed. An H100 "
                    + "SXM holds 80 GB and reads 3.35 TB/s."),

    // bank: activations
    INFERENCE_ACTIVATIONS_INT8("Thought inference shrinks activations by quantizing them",
            "Activations are usually kept in the compute dtype (FP16/BF16); inference needs little activation memory "
                    + "because it frees each layer's tensors once used, not because of their format."),
    INFERENCE_RECOMPUTES("Thought inference recomputes activations",
            "Recomputation rebuilds activations for a backward pass; inference has none, so it neither stores nor "
                    + "recomputes them: each layer's tensors are freed once the next layer has used them."),
    INFERENCE_ACTIVATIONS_OFFLOADED("Thought inference keeps activations off the GPU",
            "Inference activations stay on the GPU; they take little memory because they are short-lived, about one "
                    + "layer's worth at a time."),
    DECODE_ACTIVATIONS_ACCUMULATE("Thought decode activations accumulate",
            "A decode step's activations are freed when the step ends; what grows with every generated token is the KV "
                    + "cache."),
    ACTIVATIONS_FIXED_PER_MODEL("Took activation memory as fixed by the model",
            "Activations scale with the tokens processed in a pass (batch × sequence length), so one model's footprint "
                    + "differs from pass to pass: a whole prompt in prefill, one token per sequence in decode."),
    DECODE_SQUARE_SCORES("Gave decode an s × s score matrix",
            "In decode one new query per sequence attends to the s cached keys: its scores are one row of s per head, "
                    + "linear in the context, not an s × s matrix."),
    ALL_LAYERS_LIVE_AT_INFERENCE("Held every layer's activations at once at inference",
            "Without a backward pass a layer's intermediate tensors, its score matrix included, are freed before the next "
                    + "layer runs: only about one layer's worth is live at a time."),
    SCORES_AS_KV_CACHE("Took the attention scores for the KV cache",
            "The KV cache stores keys and values for every layer, linear in the context; the attention scores are a "
                    + "transient s × s matrix per head, quadratic in the context."),
    ASSUMED_FULL_RECOMPUTATION("Counted only what full recomputation keeps",
            "2·s·b·h, the layer's input, is all that full recomputation stores; without recomputation every intermediate "
                    + "tensor of the layer is kept for the backward pass."),
    PARAMS_AS_ACTIVATIONS("Counted parameters as activations",
            "Activations are the tensors kept for the backward pass and scale with s·b·h; the weights (about 12·h² per "
                    + "layer) are counted separately."),
    SELECTIVE_AS_FULL_RECOMPUTATION("Took selective recomputation for full recomputation",
            "Full recomputation reruns the whole layer from its stored input; selective recomputation reruns only the "
                    + "attention core, large in memory but cheap in FLOPs, and stores the other 34·sbh."),
    RECOMPUTE_COSTLY_TENSORS("Recomputed tensors that are costly to rebuild",
            "Selective recomputation picks tensors that are large in memory but cheap in FLOPs, the attention core; the "
                    + "MLP's activations would cost most of its matrix multiplies again."),
    RECOMPUTE_SMALL_TENSORS("Recomputed tensors that save little memory",
            "Recomputation pays off only for tensors that are large in memory; the layer-norm inputs are 4·sbh of the "
                    + "layer's 34·sbh, so rebuilding them would save little."),
    ATTENTION_TERM_WITHOUT_AS_OVER_H("Dropped the a·s/h factor of the attention term",
            "The attention-core term is 5·a·s/h per s·b·h, not 5: it grows with the heads and the sequence length "
                    + "(80 for GPT-3 at s = 2,048)."),
    SHARE_OF_THE_REST("Gave the share of the other terms",
            "The share of a term is that term over the total; the share of everything else is its complement, 1 minus it."),
    TERMS_ASSUMED_EQUAL("Took two terms as equal without computing them",
            "The linear terms give 34 and the attention core 5·a·s/h per s·b·h: compute both before comparing, they are "
                    + "equal only when a·s/h = 6.8."),
    KV_CACHE_IN_TRAINING("Counted a KV cache in training",
            "A KV cache serves token-by-token decoding at inference; training processes whole sequences at once and "
                    + "stores activations for the backward pass, none of them a KV cache."),
    COMM_BUFFERS_AS_ACTIVATIONS("Counted communication buffers as activations",
            "Activation formulas count the tensors kept for the backward pass; all-reduce buffers are transient workspace "
                    + "and are not part of them."),
    NO_CHECKPOINT_KEPT("Thought recomputation keeps no checkpoint",
            "Full recomputation stores each layer's input (2·s·b·h bytes in 16-bit) so the layer can be rerun from there, "
                    + "not from the start of the model."),
    RECOMPUTE_SAVES_COMPUTE("Reversed recomputation's trade",
            "Recomputation spends extra compute, about one more forward pass, to store fewer activations: it saves memory "
                    + "and costs compute."),

    // bank: FlashAttention
    FLASH_SHRINKS_KV_CACHE("Thought FlashAttention shrinks the KV cache",
            "FlashAttention changes how attention is computed, not what is cached: the keys and values stay in HBM at full "
                    + "size and are read tile by tile."),
    FLASH_ABOUT_WEIGHTS("Thought FlashAttention concerns the weights",
            "FlashAttention is an attention kernel: it changes how Q, K and V are combined, not how the weights are "
                    + "stored or read."),
    FLASH_SKIPS_OUTPUT("Thought FlashAttention keeps the output off HBM",
            "The attention output is written to HBM once, since the next layer needs it; what FlashAttention never writes "
                    + "is the s × s score and probability matrices."),
    FLASH_APPROXIMATES("Took FlashAttention for an approximation",
            "FlashAttention computes exact attention and exact gradients, up to floating-point rounding order: tiling, an "
                    + "online softmax and recomputation change the order of the work, not its result."),
    FLASH_IS_SPARSE("Took FlashAttention for sparse attention",
            "FlashAttention computes every score of the attention matrix; the block-sparse variant in the paper is a "
                    + "separate extension."),
    FLASH_LOWER_PRECISION("Credited FlashAttention's speed to lower precision",
            "FlashAttention and FlashAttention-2 compute in FP16/BF16 like standard attention; the speedup comes from "
                    + "moving fewer bytes between HBM and on-chip SRAM."),
    HBM_SRAM_SIZES_SWAPPED("Swapped the sizes of HBM and SRAM",
            "HBM is the large off-chip memory (40–80 GB on an A100); SRAM is the small on-chip memory of the SMs "
                    + "(192 KB each, about 20 MB in all), thousands of times smaller."),
    SRAM_AS_L2_CACHE("Took the L2 cache for FlashAttention's SRAM",
            "FlashAttention's tiles live in each SM's own shared memory (up to 192 KB per SM on an A100), not in the L2 "
                    + "cache that all SMs share."),
    HBM_FASTER_THAN_SRAM("Took HBM for the faster memory",
            "On-chip SRAM is about an order of magnitude faster than HBM (about 19 TB/s against 1.5–2.0 TB/s on an A100); "
                    + "HBM is larger, not faster."),
    FLASH_STILL_QUADRATIC("Thought FlashAttention's memory stays quadratic",
            "No N × N tensor is ever stored: score tiles exist only in SRAM and are discarded, so the extra memory is the "
                    + "output plus per-row statistics, linear in N."),
    FLASH_CONSTANT_MEMORY("Took FlashAttention's memory as constant",
            "The output and the per-row softmax statistics (max and sum) still grow with N, so the extra memory is linear, "
                    + "not constant."),
    FLASH_OFFLOADS_SCORES("Thought FlashAttention offloads the scores",
            "FlashAttention stores the N × N matrix nowhere: it recomputes its tiles in SRAM during the backward pass, "
                    + "which is faster than reading them back from HBM, let alone over PCIe."),
    FLASH_AS_LAYER_CHECKPOINTING("Took FlashAttention's recomputation for layer checkpointing",
            "FlashAttention recomputes only the attention tiles, inside its own kernel, from Q, K, V and the softmax "
                    + "statistics; activation checkpointing, which reruns whole layers, is a separate technique."),
    FLASH_SAVES_FLOPS("Thought FlashAttention saves FLOPs",
            "FlashAttention does slightly more FLOPs than standard attention, since it recomputes in the backward pass; "
                    + "what it cuts is HBM traffic, and with it memory."),
    FLASH_IO_IGNORES_SRAM("Ignored the SRAM size in FlashAttention's HBM traffic",
            "FlashAttention makes Θ(N²d²/M) HBM accesses: a larger on-chip memory M lets each loaded tile be reused "
                    + "more, so the accesses fall as M grows."),
    FLASH_IO_WITHOUT_N_SQUARED("Thought FlashAttention's HBM traffic is linear in N",
            "FlashAttention's HBM accesses, Θ(N²d²/M), still grow with N²: it divides that term by M/d². It is the extra "
                    + "memory, not the traffic, that becomes linear in N."),
    FLASH_EXACT_ONLY_FP32("Thought FlashAttention is exact only in FP32",
            "FlashAttention is exact in the same sense as standard attention in the same precision: in FP16 or BF16 the "
                    + "two differ only in the rounding order of their sums."),

    // bank: training memory

    // bank: ZeRO

    // bank: parallelism

    /** Only for answers recorded before every option named its mistake; no question offers it any more. */
    WRONG_OPTION("Picked another option", "See the explanation of this option.");

    private final String title;
    private final String explanation;

    Misconception(String title, String explanation) {
        this.title = title;
        this.explanation = explanation;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }

    /** The topic whose lesson teaches this mistake. */
    public Topic topic() {
        return MisconceptionTopics.of(this);
    }

    /** The path of the lesson that teaches this mistake. */
    public String lesson() {
        return Lessons.of(topic());
    }
}
