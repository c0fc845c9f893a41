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
                    BITS_AS_BYTES, WRONG_OPTION, BF16_SAME_LAYOUT_AS_FP16, BF16_FP16_LAYOUTS_SWAPPED, TF32_BF16_CONFUSED, BF16_MORE_PRECISE, BF16_FP16_SIZE_DIFFERS, BF16_FASTER_THAN_FP16, TF32_SAVES_MEMORY, TF32_IS_FULL_FP32, FP8_FORMATS_SWAPPED, FP8_FP16_RANGE, E4M3_IEEE_RESERVED, FP8_OVERFLOW_UNDETECTABLE, FP8_EXTRA_ZERO, INT4_PADDED_TO_BYTE, SIGN_STORED_SEPARATELY, NF4_AS_FP4, NF4_AS_UNIFORM, NF4_NATIVE_COMPUTE, FP16_SIGN_RANGE
                    // bank: precision formats
                    -> Topic.PRECISION_FORMATS;
            case NOMINAL_PARAMETER_COUNT, WRONG_FORMAT_BYTES, FORGOT_OUTPUT_HEAD, FORGOT_EMBEDDINGS, TIED_HEAD_COUNTED,
                    NON_GATED_MLP, ACTIVE_AS_TOTAL, MOE_ALL_EXPERTS, MOE_FRACTION_OF_ALL, FORGOT_TWO_FLOPS, GB_DEFINED_BINARY, UNIT_GAP_AS_MISSING_TENSORS, PARAMS_BINARY_MULTIPLE, BLOCK_FORMULA_AS_EXACT, GGUF_DEQUANTIZED_ON_LOAD, GGUF_ROW_PADDING, KQUANT_MIX_MISREAD, GGUF_EMBEDDING_FULL_PRECISION, TYING_REMOVES_MATRIX, TYING_SHRINKS_KV, MOE_EXPERTS_AS_FULL_MODELS
                    // bank: weight memory
                    -> Topic.WEIGHT_MEMORY;
            case NOMINAL_BITS, GGUF_HALF_BYTE, SCALE_PER_WEIGHT, SYMMETRIC_255, INVERTED_SCALE, CONFUSED_WITH_GPTQ, CONFUSED_WITH_AWQ, CONFUSED_WITH_LLM_INT8, PTQ_AS_RETRAINING, ROUND_TOWARD_ZERO, OUTLIERS_BY_WEIGHT_MAGNITUDE, OUTLIERS_AS_WHOLE_LAYERS, OUTLIERS_ONLY_ATTENTION, ACT_ORDER_LAYERS, GPTQ_QUANTIZES_ACTIVATIONS, ACT_ORDER_SORTS_DATA, SMOOTHING_AS_FILTERING, W8A8_AS_WEIGHT_ONLY, DQ_OVERHEAD_REMOVED, DQ_REMAINDER_AS_SAVING, DQ_REQUANTIZES_WEIGHTS, KQUANT_AS_Q4_0, PER_TENSOR_SCALE, KQUANT_AS_KMEANS
                    // bank: quantization methods
                    -> Topic.QUANTIZATION_METHODS;
            case KV_NO_FACTOR_TWO, KV_ATTENTION_HEADS, LATENT_AS_HEADS, LATENT_DOUBLED, FORGOT_ROPE_KEY,
                    HYBRID_ALL_ATTENTION, FORGOT_RECURRENT_STATE, IGNORED_SLIDING_WINDOW, IGNORED_PAGE_ROUNDING,
                    NO_CONTEXT_PADDING, CONTEXT_PER_SLOT, CONCURRENCY_AS_TOKENS_RATIO, WINDOW_WITHOUT_BATCHED_TOKENS,
                    PAGES_PER_LAYER
                    // bank: KV cache
                    -> Topic.KV_CACHE;
            case FORGOT_KV_CACHE, FORGOT_OVERHEAD, FORGOT_BATCH, LABEL_AS_USABLE, NEEDLESS_SACRIFICE
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
            // bank: KV quantization (no template mistake is taught there yet)
        };
    }
}
