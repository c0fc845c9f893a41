package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/**
 * Which bytes of mixed-precision Adam are counted. The conventions differ in what a framework keeps
 * resident, not in arithmetic, so each is a choice that names what it counts:
 * <ul>
 *   <li>{@link #ZERO_PAPER}: Rajbhandari et al. 2019, §3.1: 2Ψ 16-bit weights + 2Ψ 16-bit gradients +
 *       12Ψ (FP32 master weights, momentum, variance) = 16 bytes per parameter.</li>
 *   <li>{@link #MEGATRON}: Megatron-LM's {@code theoretical_memory_usage.py} ("bf16 model params, fp32 main
 *       gradients, fp32 main params, and fp32 Adam states"): 2 + 4 + 4 + 8 = 18 bytes, its distributed
 *       optimizer (ZeRO stage 1) {@code 6 + 12/N_d}. Hugging Face's "model memory anatomy" also reaches 18
 *       (6 bytes of weights in mixed precision, 4 of gradients, 8 of Adam).</li>
 *   <li>{@link #DEEPSPEED}: DeepSpeed's own estimators ({@code estimate_zero2_model_states_mem_needs},
 *       {@code estimate_zero3_model_states_mem_needs}): ZeRO-2 {@code 2Ψ + 18Ψ/N_d} (16-bit and FP32
 *       gradients both sharded), ZeRO-3 {@code 18Ψ/N_d} plus 4 bytes per parameter of the largest layer,
 *       gathered whole with its 16-bit gradients.</li>
 * </ul>
 */
public enum Accounting {
    ZERO_PAPER("zero-paper", "ZeRO paper (16 bytes per parameter)"),
    MEGATRON("megatron", "Megatron-LM / Hugging Face mixed precision (18 bytes)"),
    DEEPSPEED("deepspeed", "DeepSpeed's estimator (ZeRO-2 and ZeRO-3)");

    private final String id;
    private final String label;

    Accounting(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public static Accounting parse(String id) {
        String key = id == null ? "zero-paper" : id.strip().toLowerCase(Locale.ROOT);
        for (Accounting a : values()) {
            if (a.id.equals(key)) {
                return a;
            }
        }
        throw new InvalidInputException("accounting", "Unknown accounting '" + id
                + "'. Known: zero-paper, megatron, deepspeed.");
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Gradient bytes per parameter this convention keeps. */
    int gradientBytes(Optimizer opt, int stage) {
        return switch (this) {
            case ZERO_PAPER -> opt.gradientBytes();
            case MEGATRON -> 4;
            case DEEPSPEED -> stage == 3 ? 4 : 6;
        };
    }

    String gradientNote(Optimizer opt, int stage) {
        return switch (this) {
            case ZERO_PAPER -> "g = " + opt.gradientBytes() + " bytes per parameter.";
            case MEGATRON -> "g = 4 bytes per parameter: Megatron-LM accumulates FP32 main gradients.";
            case DEEPSPEED -> stage == 3 ? "g = 4 bytes per parameter: FP32 gradients; the 16-bit ones exist only "
                    + "for the layer being gathered." : "g = 6 bytes per parameter: 16-bit gradients and their FP32 copy.";
        };
    }

    /** Refuses what the convention does not describe, naming the field to change. */
    void check(TrainingRequest r) {
        if (this != DEEPSPEED && !r.zero().isDefault()) {
            throw new InvalidInputException("deepspeed", "DeepSpeed's bucket, prefetch and node settings count only "
                    + "with DeepSpeed's accounting: choose accounting deepspeed, or leave them out.");
        }
        if (this == ZERO_PAPER) {
            return;
        }
        if (r.optimizer() != Optimizer.ADAMW_MIXED || r.lora().isPresent()) {
            throw new InvalidInputException("accounting", label + " counts full training with mixed-precision Adam: "
                    + "choose adamw-mixed without LoRA, or the ZeRO paper's accounting.");
        }
        if (this == MEGATRON && (r.zeroStage() > 1 || r.offload() != Offload.NONE)) {
            throw new InvalidInputException("accounting", "Megatron-LM's distributed optimizer shards the optimizer "
                    + "state only (ZeRO stage 1) and offloads nothing: use stage 0 or 1, or another accounting.");
        }
        if (this == DEEPSPEED && (r.zeroStage() < 2 || (long) r.tensorParallel() * r.pipelineParallel() > 1)) {
            throw new InvalidInputException("accounting", "DeepSpeed's estimators cover ZeRO stages 2 and 3 with data "
                    + "parallelism only: use stage 2 or 3 and no tensor or pipeline parallelism, or another accounting.");
        }
    }
}
