package app.bytewise.engine.model;

import java.util.List;

/**
 * The precision a checkpoint itself is stored in, as its {@code config.json} declares it:
 * {@code torch_dtype} (or {@code dtype}, its newer spelling) and {@code quantization_config}.
 * Read by {@link CheckpointConfig} without failing: a scheme Bytewise cannot lay out is an
 * {@link Unsupported} that explains itself only when the checkpoint's size is asked for, so a
 * config with, say, a bitsandbytes block still counts in any other format.
 *
 * <p>dtypes are spelled as safetensors spells them in its headers ({@code BF16}, {@code F16},
 * {@code F32}, {@code F8_E4M3}, {@code U8}, {@code I32}).
 */
public sealed interface CheckpointPrecision {

    /** Every tensor in one floating-point dtype ({@code torch_dtype} with no quantization_config). */
    record Plain(String dtype) implements CheckpointPrecision {
    }

    /**
     * {@code quant_method: fp8} with {@code weight_block_size [blockOut, blockIn]}: FP8 E4M3 linear
     * weights with one FP32 {@code weight_scale_inv} per block (DeepSeek-V3, Kimi K2).
     *
     * @param baseDtype the dtype of the tensors left unquantized
     * @param notConverted {@code modules_to_not_convert}: module names or patterns kept in {@code baseDtype}
     */
    record Fp8Block(String baseDtype, int blockOut, int blockIn, List<String> notConverted)
            implements CheckpointPrecision {
        public Fp8Block {
            notConverted = List.copyOf(notConverted);
        }
    }

    /** {@code quant_method: mxfp4} (gpt-oss): the MoE experts' weights in MXFP4, the rest in {@code baseDtype}. */
    record Mxfp4(String baseDtype, List<String> notConverted) implements CheckpointPrecision {
        public Mxfp4 {
            notConverted = List.copyOf(notConverted);
        }
    }

    /**
     * {@code quant_method: gptq} or {@code awq}: {@code bits}-wide codes packed in int32 with FP16
     * scales and packed zero points per {@code group} input columns ({@code group} is the input
     * width when the config says -1).
     *
     * @param lmHead GPTQModel's {@code lm_head: true}, which quantizes the output head as well
     */
    record GroupQuant(Method method, int bits, int group, boolean descAct, boolean symmetric, boolean lmHead,
            String baseDtype, List<String> notConverted) implements CheckpointPrecision {
        public GroupQuant {
            notConverted = List.copyOf(notConverted);
        }
    }

    enum Method { GPTQ, AWQ }

    /**
     * {@code quant_method: bitsandbytes}: every {@code nn.Linear} but the skipped modules in 4-bit
     * ({@code quantType} nf4 or fp4, 64 weights per absmax, optionally double-quantized absmax) or
     * in 8-bit (LLM.int8, one F32 scale per output row).
     *
     * @param storage {@code bnb_4bit_quant_storage}, the dtype the packed 4-bit codes are stored as (U8 by default)
     * @param skipListed {@code llm_int8_skip_modules} is given: it replaces transformers' default, the output head
     */
    record BitsAndBytes(int bits, String quantType, boolean doubleQuant, String storage, String baseDtype,
            boolean skipListed, List<String> skip) implements CheckpointPrecision {
        public BitsAndBytes {
            skip = List.copyOf(skip);
        }
    }

    /**
     * {@code quant_method: compressed-tensors} (llm-compressor's checkpoints) with one config group
     * targeting {@code Linear}.
     *
     * @param format pack-quantized, float-quantized, int-quantized, naive-quantized or nvfp4-pack-quantized
     * @param strategy tensor, channel, group or block
     * @param group the group size (strategy group, and nvfp4's 16), else 0
     * @param blockRows with {@code blockColumns}, the block of strategy block ({@code block_structure}), else 0
     * @param groupActOrder {@code actorder: group}, which stores a {@code weight_g_idx} per input
     * @param staticInput activations quantized with a stored {@code input_scale} (not dynamic)
     * @param ignore the {@code ignore} list: module names, or {@code re:} regular expressions
     */
    record CompressedTensors(String format, int bits, boolean floating, boolean symmetric, String strategy,
            int group, int blockRows, int blockColumns, boolean groupActOrder, boolean staticInput, String baseDtype,
            List<String> ignore) implements CheckpointPrecision {
        public CompressedTensors {
            ignore = List.copyOf(ignore);
        }
    }

    /**
     * A checkpoint whose layout Bytewise does not know, or a config that does not say it.
     *
     * @param field the config field at fault, for the error the caller raises
     */
    record Unsupported(String field, String message) implements CheckpointPrecision {
    }
}
