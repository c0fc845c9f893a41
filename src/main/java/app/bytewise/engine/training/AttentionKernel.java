package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/**
 * How a layer's attention core runs in training, which decides what it keeps for the backward pass
 * beyond Q, K and V (those, and the core's output, are the layer's linear terms). Per element of the
 * a × s × s score matrix of each sequence:
 * <ul>
 *   <li>{@link #EAGER_DROPOUT}: 16-bit softmax output 2 + dropout mask 1 + dropout output 2 = 5 bytes
 *       (Korthikanti et al. 2022, §4.1; the GPT layer of Megatron-LM);</li>
 *   <li>{@link #EAGER_FP32_SOFTMAX}: Hugging Face transformers' {@code eager_attention_forward} for Llama,
 *       Mistral, Qwen and the like ({@code softmax(..., dtype=torch.float32).to(query.dtype)}, attention
 *       dropout 0): the FP32 softmax output kept by softmax's backward, 4, and its 16-bit copy kept by the
 *       product with V, 2 = 6 bytes;</li>
 *   <li>{@link #EAGER_NO_DROPOUT}: 16-bit softmax without dropout, 2 bytes (one tensor serves both);</li>
 *   <li>{@link #FLASH}: FlashAttention and PyTorch SDPA's flash kernel never store the scores; they keep the
 *       softmax log-sum-exp, FP32 per head and token ({@code softmax_lse} in {@code FlashAttnFunc.forward},
 *       Dao-AILab/flash-attention {@code flash_attn/flash_attn_interface.py}): 4·a·s·b bytes.</li>
 * </ul>
 * The eager figures are what PyTorch's autograd saves, measured by
 * {@code scripts/oracles/attention-saved-bytes.py}.
 */
public enum AttentionKernel {
    EAGER_DROPOUT("eager-dropout", "Eager, 16-bit softmax + dropout (GPT, Megatron)", 5),
    EAGER_FP32_SOFTMAX("eager-fp32-softmax", "Eager, FP32 softmax, no dropout (Hugging Face Llama)", 6),
    EAGER_NO_DROPOUT("eager-no-dropout", "Eager, 16-bit softmax, no dropout", 2),
    FLASH("flash", "FlashAttention / SDPA (no s × s scores)", 0);

    /** FP32 log-sum-exp per head and query token. */
    static final int LSE_BYTES = 4;

    private final String id;
    private final String label;
    private final int scoreBytes;

    AttentionKernel(String id, String label, int scoreBytes) {
        this.id = id;
        this.label = label;
        this.scoreBytes = scoreBytes;
    }

    public static AttentionKernel parse(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (AttentionKernel k : values()) {
            if (k.id.equals(key)) {
                return k;
            }
        }
        throw new InvalidInputException("attention", "Unknown attention '" + id
                + "'. Known: eager-dropout, eager-fp32-softmax, eager-no-dropout, flash.");
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Bytes kept per element of the a × s × s scores (0 when none are stored). */
    public int scoreBytes() {
        return scoreBytes;
    }

    /**
     * Bytes the attention core keeps per layer for a micro-batch of {@code b} sequences of {@code s} tokens,
     * with the {@code heads} split over {@code t} tensor-parallel ranks: {@code scoreBytes·a·s²·b / t}, or the
     * FP32 log-sum-exp {@code 4·a·s·b / t} for FlashAttention.
     */
    public long coreBytes(long s, int b, int heads, int t) {
        long perHead = this == FLASH ? Math.multiplyExact((long) LSE_BYTES, s)
                : Math.multiplyExact(Math.multiplyExact((long) scoreBytes, s), s);
        return Math.ceilDiv(Math.multiplyExact(Math.multiplyExact(perHead, (long) b), (long) heads), t);
    }

    public String formula() {
        return this == FLASH ? "4·a·s·b/t" : scoreBytes + "·a·s²·b/t";
    }
}
