package app.bytewise.drill;

/**
 * The topic, and so the lesson, that teaches each misconception. The switch is exhaustive on purpose:
 * a new misconception does not compile until it says where it is taught.
 */
final class MisconceptionTopics {

    private MisconceptionTopics() {
    }

    static Topic of(Misconception m) {
        return switch (m) {
            case GIB_AS_GB, GB_AS_GIB, UNIT_SLIP, INVERTED_CONVERSION, WRONG_MANTISSA, ULP_OFF_BY_ONE, IGNORED_EXPONENT,
                    BITS_AS_BYTES, WRONG_OPTION
                    // bank: precision formats
                    -> Topic.PRECISION_FORMATS;
            case NOMINAL_PARAMETER_COUNT, WRONG_FORMAT_BYTES, FORGOT_OUTPUT_HEAD, FORGOT_EMBEDDINGS, TIED_HEAD_COUNTED,
                    NON_GATED_MLP, ACTIVE_AS_TOTAL, MOE_ALL_EXPERTS, MOE_FRACTION_OF_ALL, FORGOT_TWO_FLOPS
                    // bank: weight memory
                    -> Topic.WEIGHT_MEMORY;
            case NOMINAL_BITS, GGUF_HALF_BYTE, SCALE_PER_WEIGHT, SYMMETRIC_255, INVERTED_SCALE
                    // bank: quantization methods
                    -> Topic.QUANTIZATION_METHODS;
            case KV_NO_FACTOR_TWO, KV_ATTENTION_HEADS, LATENT_AS_HEADS, LATENT_DOUBLED, FORGOT_ROPE_KEY,
                    HYBRID_ALL_ATTENTION, FORGOT_RECURRENT_STATE, IGNORED_SLIDING_WINDOW, IGNORED_PAGE_ROUNDING,
                    NO_CONTEXT_PADDING, CONTEXT_PER_SLOT, CONCURRENCY_AS_TOKENS_RATIO, WINDOW_WITHOUT_BATCHED_TOKENS,
                    PAGES_PER_LAYER,
                    KV_FACTOR_AS_BYTES, KV_COPY_PER_PHASE, KV_FACTOR_FROM_ENGINE, KV_ASSUMED_GQA, GQA_RATIO_AS_KV_HEADS,
                    GQA_SAVES_ONLY_COMPUTE, GQA_GROWS_WEIGHTS, KV_QUADRATIC, KV_SHARED_ACROSS_BATCH,
                    KV_FIXED_AFTER_PREFILL, PAGING_AS_COMPRESSION, PAGING_AS_OFFLOAD, PAGING_AS_EVICTION, MQA_REVERSED,
                    MQA_AS_BATCHING, MQA_AS_SCHEDULING
                    // bank: KV cache
                    -> Topic.KV_CACHE;
            case FORGOT_KV_CACHE, FORGOT_OVERHEAD, FORGOT_BATCH, LABEL_AS_USABLE, NEEDLESS_SACRIFICE,
                    TRAINING_STATES_IN_SERVING, NO_INFERENCE_ACTIVATIONS, ONE_LAYER_RESIDENT, DECIMAL_MEMORY_LABEL,
                    GB_AS_1000_MIB, FIXED_KV_FACTOR, BYTES_COUNTED_TWICE, DRIVER_TAKES_HALF, HOST_COPY_ON_GPU,
                    OVERHEAD_NEGLIGIBLE, KV_NOT_SHARDED, GQA_MAKES_KV_NEGLIGIBLE, WEIGHT_QUANT_SAVES_NOTHING,
                    CONTEXT_LIMIT_SAVES_NOTHING
                    // bank: inference fit
                    -> Topic.INFERENCE_FIT;
            case ONE_SEQUENCE_ONLY, BIDIRECTIONAL_BANDWIDTH
                    // bank: decode speed
                    -> Topic.DECODE_SPEED;
            case ADAM_TEN_BYTES, FORGOT_GRADIENTS, FROZEN_BASE_TRAINED, FORGOT_MASTER_WEIGHTS, LORA_ONE_MATRIX
                    // bank: training memory
                    -> Topic.TRAINING_MEMORY;
            case WRONG_ZERO_STAGE, ZERO_FIXED_FACTORS
                    // bank: ZeRO
                    -> Topic.ZERO;
            case WRONG_BUBBLE_DEFINITION, BUBBLE_NO_MINUS_ONE, BUBBLE_ONE_MICROBATCH, BUBBLE_SWAPPED,
                    PIPELINE_ONE_MICROBATCH, PIPELINE_ALL_MICROBATCHES, RING_NO_FACTOR_TWO, FORGOT_DIVISION
                    // bank: parallelism
                    -> Topic.PARALLELISM;
            case ATTENTION_ONE_HEAD, PER_LAYER_ONLY, FORGOT_RECOMPUTE, SQUARED_TERM_MISSING, QUADRATIC_AS_LINEAR
                    // bank: activations
                    -> Topic.ACTIVATIONS;
            case FLASH_STORES_SCORES
                    // bank: FlashAttention
                    -> Topic.FLASH_ATTENTION;
            case KV_QUANT_TOUCHES_WEIGHTS, KV_BITS_RATIO_WRONG, PAGING_REPLACES_KV_QUANT, KEY_OUTLIERS_IGNORED,
                    KV_CACHED_IN_FP32, GROUP_WITHOUT_SCALE, SINKS_AS_RECENT_TOKENS, RESIDUAL_ONLY_FOR_PREFILL,
                    CODES_IN_RESIDUAL, KV_QUANT_NO_OVERHEAD, PEAK_AS_CACHE_SAVING, KV_QUANT_LOSSLESS,
                    KV_QUANT_NEEDS_TRAINING, KV_QUANT_CUTS_FLOPS, FORMAT_SETS_CLOCK, KV_BYTES_NOT_READ, SCORES_CACHED,
                    TOKEN_IDS_FILL_MEMORY, VALUES_HAVE_OUTLIER_CHANNELS, VALUES_READ_ONCE, GROUPING_SETS_BITS,
                    KV_QUANT_SAVES_NOTHING
                    // bank: KV quantization
                    -> Topic.KV_QUANTIZATION;
        };
    }
}
