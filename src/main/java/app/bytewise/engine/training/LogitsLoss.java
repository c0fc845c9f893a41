package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/**
 * What the cross-entropy loss holds per logit at its peak, at the end of the forward pass:
 * <ul>
 *   <li>{@link #FP32}: Megatron-LM's count ({@code theoretical_memory_usage.py}, "Inputs to output layer and CE
 *       loss", 4 bytes per logit): the FP32 logits its vocab-parallel cross-entropy works on;</li>
 *   <li>{@link #UPCAST}: Hugging Face transformers' {@code ForCausalLMLoss} ({@code loss/loss_utils.py}: "Upcast to
 *       float if we need to compute the loss", {@code logits = logits.float()}, then {@code cross_entropy}): the
 *       head's 16-bit logits (2 bytes, returned in the model's output), their FP32 copy (4) and the FP32
 *       log-softmax that cross-entropy keeps for backward (4), 10 bytes per logit while the loss is computed. What
 *       autograd keeps of it, 4 bytes, is measured by {@code scripts/oracles/attention-saved-bytes.py}.</li>
 * </ul>
 */
public enum LogitsLoss {
    FP32("fp32", "FP32 logits in the loss (Megatron-LM)", 4),
    UPCAST("upcast", "16-bit logits upcast to FP32 in the loss (Hugging Face)", 10);

    private final String id;
    private final String label;
    private final int bytesPerLogit;

    LogitsLoss(String id, String label, int bytesPerLogit) {
        this.id = id;
        this.label = label;
        this.bytesPerLogit = bytesPerLogit;
    }

    public static LogitsLoss parse(String id) {
        String key = id == null ? "fp32" : id.strip().toLowerCase(Locale.ROOT);
        for (LogitsLoss l : values()) {
            if (l.id.equals(key)) {
                return l;
            }
        }
        throw new InvalidInputException("logits", "Unknown logits '" + id + "'. Known: fp32, upcast.");
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public int bytesPerLogit() {
        return bytesPerLogit;
    }
}
