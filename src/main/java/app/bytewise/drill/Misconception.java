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

    // Bank-only mistakes, grouped by the file of content/questions that names them (one group per file,
    // in this order: precision formats, weight memory, quantization methods, KV cache, KV quantization,
    // inference fit, decode speed, activations, FlashAttention, training memory, ZeRO, parallelism).

    // bank: precision formats
    BF16_SAME_LAYOUT_AS_FP16("Gave BF16 the FP16 bit layout",
            "BF16 keeps FP32's 8 exponent bits and has 7 mantissa bits; FP16 has 5 exponent and 10 mantissa bits. Same "
                    + "size, different split."),
    BF16_FP16_LAYOUTS_SWAPPED("Swapped the BF16 and FP16 layouts",
            "The wide 8-bit exponent (with 7 mantissa bits) is BF16's; FP16 has a 5-bit exponent and 10 mantissa bits."),
    TF32_BF16_CONFUSED("Mixed up TF32 and BF16",
            "TF32 is 1 sign + 8 exponent + 10 mantissa = 19 bits, used only inside tensor-core math; BF16 shares the 8-bit "
                    + "exponent but keeps 7 mantissa bits to fit in 16 bits of storage."),
    BF16_MORE_PRECISE("Took BF16 for the more precise 16-bit format",
            "BF16 has 7 mantissa bits against FP16's 10, so it is less precise; what it gains is FP32's 8-bit exponent, "
                    + "hence FP32's range."),
    BF16_FP16_SIZE_DIFFERS("Gave BF16 and FP16 different sizes",
            "Both are 16 bits, 2 bytes per value; they differ only in how those bits split between exponent and mantissa."),
    BF16_FASTER_THAN_FP16("Thought tensor cores run BF16 faster than FP16",
            "On A100 and H100 the dense BF16 and FP16 tensor-core rates are the same; BF16's advantage is range, not "
                    + "speed."),
    TF32_SAVES_MEMORY("Thought TF32 stores tensors in fewer bytes",
            "TF32 is a tensor-core math mode: tensors stay FP32 in memory (4 bytes per value) and are rounded to a 10-bit "
                    + "mantissa only inside the multiply."),
    TF32_IS_FULL_FP32("Took TF32 for full FP32 math",
            "The tensor core keeps only 10 of FP32's 23 mantissa bits of each input, so TF32 results can differ from true "
                    + "FP32 arithmetic."),
    FP8_FORMATS_SWAPPED("Swapped the two FP8 formats",
            "E5M2 has the 5-bit exponent, so the range (max 57,344) and IEEE-style infinities; E4M3 has the extra mantissa "
                    + "bit, so the precision, and reaches 448 with no infinities."),
    FP8_FP16_RANGE("Gave FP8 the range of FP16",
            "65,504 is FP16's largest finite value; with only 8 bits, E4M3 tops out at 448 and E5M2 at 57,344."),
    E4M3_IEEE_RESERVED("Reserved E4M3's top exponent for infinities",
            "E4M3 does not follow IEEE here: its all-ones exponent holds finite values and only one pattern per sign is "
                    + "NaN, so its maximum is 1.75 × 2^8 = 448, not the 240 an IEEE-style layout would give."),
    FP8_OVERFLOW_UNDETECTABLE("Thought 8-bit overflow cannot be detected",
            "Overflow is detectable at any width; E4M3 drops infinities to spend its few bit patterns on finite values "
                    + "(max 448 instead of 240)."),
    FP8_EXTRA_ZERO("Thought the freed FP8 codes encode another zero",
            "FP8 keeps signed zeros as IEEE does; the bit patterns E4M3 frees from infinities become large finite values, "
                    + "up to 448."),
    INT4_PADDED_TO_BYTE("Padded each INT4 value to a byte",
            "INT4 codes are packed two per byte, half a byte each; what INT4 costs beyond 4 bits is the per-group scale "
                    + "(and zero point)."),
    SIGN_STORED_SEPARATELY("Stored the sign outside the integer code",
            "A signed (or offset) integer code covers negative values within its own bits: INT8 is exactly 8 bits and INT4 "
                    + "exactly 4."),
    NF4_AS_FP4("Took NF4 for a 4-bit float",
            "NF4 is a fixed table of 16 values at quantiles of a normal distribution in [-1, 1]; FP4 (E2M1) is a "
                    + "different, floating-point 4-bit format."),
    NF4_AS_UNIFORM("Took NF4's levels as evenly spaced",
            "NF4's 16 levels follow normal quantiles: they are denser near zero, where most weights lie, unlike the even "
                    + "steps of INT4."),
    NF4_NATIVE_COMPUTE("Thought GPUs multiply in NF4",
            "NF4 is a storage format (bitsandbytes): the weights are dequantized to 16 bits before each matrix multiply, "
                    + "which runs in BF16 or FP16."),
    FP16_SIGN_RANGE("Thought FP16 cannot hold large negative values",
            "FP16 has a sign bit and a symmetric range of ±65,504; what breaks is magnitude: beyond 65,504 either way a "
                    + "value overflows to infinity."),

    // bank: weight memory
    GB_DEFINED_BINARY("Took a GB to be 2^30 bytes",
            "The SI prefix giga means 10^9: a GB is 10^9 bytes. The binary unit of 2^30 bytes is the gibibyte (GiB), about "
                    + "7.4% larger."),
    UNIT_GAP_AS_MISSING_TENSORS("Explained a unit gap as missing tensors",
            "Two figures for the same bytes that differ by 7.4% differ by the GiB/GB ratio, 2^30 / 10^9; missing tensors "
                    + "would leave a gap of their own size instead."),
    PARAMS_BINARY_MULTIPLE("Took parameter counts as binary multiples",
            "A parameter count follows from the layer shapes and the vocabulary, not from powers of two: \"7B\" does not "
                    + "mean 7 × 2^30."),
    BLOCK_FORMULA_AS_EXACT("Took 12 × layers × hidden² as an exact count",
            "That approximates GPT-style blocks with a 4× MLP; it leaves out the embeddings and is off for SwiGLU MLPs and "
                    + "grouped-query attention. Sum the real tensor shapes."),
    GGUF_DEQUANTIZED_ON_LOAD("Thought llama.cpp dequantizes the weights on load",
            "llama.cpp keeps the quantized blocks as stored (often memory-mapped) and dequantizes inside its kernels, so "
                    + "the weights take about the file's size."),
    GGUF_ROW_PADDING("Blamed row padding for a GGUF's extra bits",
            "Common hidden sizes are whole multiples of 256, so nothing is padded; the extra bits are block scales plus "
                    + "the tensors a mix keeps at higher precision."),
    KQUANT_MIX_MISREAD("Misread which tensors a k-quant mix upgrades",
            "Q4_K_M moves only the output matrix and about half of the attn_v and ffn_down tensors to Q6_K; the other "
                    + "matrices stay Q4_K."),
    GGUF_EMBEDDING_FULL_PRECISION("Kept a GGUF's token embedding in full precision",
            "In the k-quant mixes the token embedding is quantized like the other matrices; only the small 1-D norm "
                    + "vectors stay in F32."),
    TYING_REMOVES_MATRIX("Thought tying removes the shared matrix",
            "Tied embeddings share one stored matrix between the input embedding and the output head: the copy that goes "
                    + "away is the second, not the first."),
    TYING_SHRINKS_KV("Thought tied embeddings shrink the KV cache",
            "The KV cache depends on layers, KV heads, head size and tokens; the embedding matrices are weights and do not "
                    + "enter it."),
    MOE_EXPERTS_AS_FULL_MODELS("Counted each expert as a whole model",
            "In an \"8x7B\" mixture only the feed-forward blocks are replicated per expert; attention, embeddings and norms "
                    + "are shared, so Mixtral has 46.7B parameters, not 56B."),

    // bank: quantization methods
    CONFUSED_WITH_GPTQ("Described GPTQ instead",
            "Rounding weights column by column and correcting the rest with the inverse Hessian of calibration inputs is "
                    + "GPTQ; RTN rounds each weight alone and AWQ rescales channels."),
    CONFUSED_WITH_AWQ("Described AWQ instead",
            "Searching per-channel scales from activation magnitudes and folding them into the previous operator is AWQ; "
                    + "GPTQ compensates rounding errors with the inverse Hessian."),
    CONFUSED_WITH_LLM_INT8("Described LLM.int8()'s FP16 outliers instead",
            "Keeping outlier feature dimensions in FP16 is LLM.int8()'s mixed-precision decomposition; GPTQ, AWQ and "
                    + "SmoothQuant keep every weight in one low-bit format."),
    PTQ_AS_RETRAINING("Took post-training quantization for retraining",
            "RTN, GPTQ, AWQ and SmoothQuant quantize a trained model with at most a little calibration data and no "
                    + "backpropagation through the model; retraining with the quantizer is quantization-aware training."),
    ROUND_TOWARD_ZERO("Took round-to-nearest as truncation",
            "Round-to-nearest picks the closest level, so the error is at most half a step; rounding toward zero shrinks "
                    + "every weight and can err by almost a whole step."),
    OUTLIERS_BY_WEIGHT_MAGNITUDE("Picked the important weights by their own magnitude",
            "LLM.int8() and AWQ find what matters from the activations: outlier feature dimensions or salient channels are "
                    + "those with large activation magnitudes, not large weights."),
    OUTLIERS_AS_WHOLE_LAYERS("Kept whole layers in high precision",
            "LLM.int8() splits every matrix multiply by feature dimension inside every layer; no layer is left in FP16 as "
                    + "a whole."),
    OUTLIERS_ONLY_ATTENTION("Kept only the attention blocks in FP16",
            "LLM.int8() applies to every linear layer, attention and MLP alike; in each, only the few outlier feature "
                    + "dimensions run in FP16."),
    ACT_ORDER_LAYERS("Took act-order as an order of layers",
            "GPTQ's act-order permutes the columns inside each weight matrix, largest Hessian diagonal (activation size) "
                    + "first; the layers keep their order."),
    GPTQ_QUANTIZES_ACTIVATIONS("Thought GPTQ quantizes the activations",
            "GPTQ is weight-only: activations stay in 16 bits and serve, as calibration inputs, only to build the Hessian."),
    ACT_ORDER_SORTS_DATA("Took act-order as a sort of the calibration data",
            "The calibration inputs only build the Hessian H = 2XXᵀ, a sum that does not depend on their order; act-order "
                    + "reorders weight columns."),
    SMOOTHING_AS_FILTERING("Took SmoothQuant's smoothing as filtering",
            "SmoothQuant divides activation channels by s_j and multiplies the matching weight rows by s_j: the product is "
                    + "exactly the same, nothing is filtered."),
    W8A8_AS_WEIGHT_ONLY("Took SmoothQuant for weight-only quantization",
            "SmoothQuant quantizes weights and activations to INT8 (W8A8) so matrix multiplies run as INT8 GEMMs; "
                    + "weight-only methods such as GPTQ and AWQ leave activations in 16 bits."),
    DQ_OVERHEAD_REMOVED("Counted the whole scale overhead as saved",
            "Double quantization does not remove QLoRA's absmax constants: it stores them in 8 bits plus a second-level "
                    + "FP32 scale, 0.127 bit per parameter instead of 0.5, a saving of about 0.373."),
    DQ_REMAINDER_AS_SAVING("Took the remaining overhead for the saving",
            "After double quantization the constants still cost about 0.127 bit per parameter; the saving is 0.5 − 0.127 ≈ "
                    + "0.373 bit."),
    DQ_REQUANTIZES_WEIGHTS("Thought double quantization re-quantizes the weights",
            "The weights stay in NF4; double quantization quantizes the per-block FP32 absmax constants a second time, to "
                    + "8 bits."),
    KQUANT_AS_Q4_0("Took a k-quant for the older Q4_0 layout",
            "Q4_0 stores blocks of 32 weights with one FP16 scale each; Q4_K groups 8 blocks of 32 into a 256-weight "
                    + "super-block with 6-bit block scales and mins and one FP16 scale and min."),
    PER_TENSOR_SCALE("Used one scale for a whole tensor",
            "One scale lets a single outlier stretch the grid for every weight; low-bit formats use a scale per block or "
                    + "per channel (k-quants use two levels of block scales)."),
    KQUANT_AS_KMEANS("Took the K of k-quants for k-means",
            "The K names the k-quant family; Q4_K stores integer codes with per-block scales and mins, not indices into a "
                    + "learned codebook."),

    // bank: KV cache

    // bank: KV quantization

    // bank: inference fit

    // bank: decode speed

    // bank: activations

    // bank: FlashAttention

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
