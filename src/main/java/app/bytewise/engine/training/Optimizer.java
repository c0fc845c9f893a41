package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;
import java.util.Locale;

/**
 * Bytes per trainable parameter for weights, gradients and optimizer state. The ZeRO paper
 * (Rajbhandari et al. 2019, §3.1) counts mixed-precision Adam as 2Ψ + 2Ψ + KΨ with K = 12: the
 * FP32 master weights, momentum and variance are all optimizer state.
 */
public enum Optimizer {
    /** Pure FP32 AdamW: 4 (weights) + 4 (gradients) + 8 (momentum, variance); Loshchilov & Hutter 2019. */
    ADAMW("adamw", "AdamW, FP32", 4, 4),
    /**
     * PyTorch's AdamW with {@code fused=True}: the same {@code exp_avg} and {@code exp_avg_sq}, and each tensor's
     * {@code step} as an FP32 0-dim tensor on the GPU ({@code torch.zeros((), dtype=float32, device=p.device)}
     * when fused or capturable; on the CPU otherwise), {@code Adam._init_group}, {@code torch/optim/adam.py}.
     */
    ADAMW_FUSED("adamw-fused", "AdamW, FP32, fused", 4, 4),
    /** Mixed-precision AdamW: 16-bit weights and gradients, FP32 master + momentum + variance (K = 12). */
    ADAMW_MIXED("adamw-mixed", "AdamW, mixed precision", 2, 2),
    /**
     * Pure BF16 AdamW without master weights: PyTorch's AdamW keeps {@code exp_avg} and
     * {@code exp_avg_sq} in the parameters' dtype ({@code torch.zeros_like(p)}), so 2 + 2 bytes.
     */
    ADAMW_BF16("adamw-bf16", "AdamW, pure BF16", 2, 2),
    /**
     * 8-bit AdamW as bitsandbytes stores it ({@code Optimizer2State.init_state},
     * {@code bitsandbytes/optim/optimizer.py} at commit 95f9af3): momentum and variance as 8-bit codes with
     * one FP32 absmax each per block of 256 values, a tensor under {@code min_8bit_size} = 4,096 elements
     * keeping both in FP32; plus FP32 master weights. (Dettmers et al. 2022 describe blocks of 2,048;
     * the library uses 256.)
     */
    ADAMW_8BIT("adamw-8bit", "AdamW 8-bit (bitsandbytes)", 2, 2),
    /**
     * SGD with momentum in FP32: 4 + 4 + 4, the momentum buffer a clone of the first gradient
     * ({@code torch/optim/sgd.py}).
     */
    SGD_MOMENTUM("sgd-momentum", "SGD with momentum, FP32", 4, 4),
    /** SGD without momentum: PyTorch creates no state at all ({@code momentum_buffer} only when momentum ≠ 0). */
    SGD("sgd", "SGD without momentum, FP32", 4, 4),
    /**
     * Lion (Chen et al. 2023) in FP32: one state, {@code exp_avg = torch.zeros_like(p)} (lucidrains/lion-pytorch
     * {@code lion_pytorch.py}; bitsandbytes' 32-bit {@code Lion}, {@code Optimizer1State.init_state}): 4 + 4 + 4.
     */
    LION("lion", "Lion, FP32", 4, 4),
    /**
     * bitsandbytes' {@code Lion8bit} with mixed precision: one 8-bit state with an FP32 absmax per 256 values
     * ({@code Optimizer1State.init_state}, tensors under 4,096 elements in FP32), plus FP32 master weights.
     */
    LION_8BIT("lion-8bit", "Lion 8-bit (bitsandbytes)", 2, 2),
    /**
     * Adafactor (Shazeer & Stern 2018) in FP32 with the default β1 = 0 (no momentum): the second
     * moment of an r × c matrix is factored into r + c values; vectors keep a full second moment.
     */
    ADAFACTOR("adafactor", "Adafactor, FP32", 4, 4);

    /** The fused optimizer's per-tensor {@code step}, an FP32 scalar on the device. */
    static final int STEP_BYTES = 4;
    /** bitsandbytes' {@code blocksize} for 8-bit optimizer states. */
    static final int EIGHT_BIT_BLOCK = 256;
    /** bitsandbytes' default {@code min_8bit_size}: smaller tensors keep 32-bit states. */
    static final int EIGHT_BIT_MIN_SIZE = 4096;

    private final String id;
    private final String label;
    private final int weightBytes;
    private final int gradientBytes;

    Optimizer(String id, String label, int weightBytes, int gradientBytes) {
        this.id = id;
        this.label = label;
        this.weightBytes = weightBytes;
        this.gradientBytes = gradientBytes;
    }

    public static Optimizer parse(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Optimizer o : values()) {
            if (o.id.equals(key)) {
                return o;
            }
        }
        throw new InvalidInputException("optimizer", "Unknown optimizer '" + id
                + "'. Known: " + String.join(", ", java.util.Arrays.stream(values()).map(Optimizer::id).toList()) + ".");
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public int weightBytes() {
        return weightBytes;
    }

    public int gradientBytes() {
        return gradientBytes;
    }

    /**
     * Optimizer state for one tensor of {@code n} parameters, or for {@code n} parameters without shapes
     * (taken as one tensor: 8-bit Adam's small-tensor rule then cannot apply); Adafactor needs shapes.
     */
    public long stateBytes(long n) {
        return switch (this) {
            case ADAMW -> 8 * n;
            case ADAMW_FUSED -> 8 * n + STEP_BYTES;
            case ADAMW_MIXED -> 12 * n;
            case ADAMW_BF16 -> 4 * n;
            case ADAMW_8BIT -> n < EIGHT_BIT_MIN_SIZE ? 12 * n : 4 * n + 2 * n + 2 * 4 * Math.ceilDiv(n, EIGHT_BIT_BLOCK);
            case SGD_MOMENTUM, LION -> 4 * n;
            case SGD -> 0;
            case LION_8BIT -> n < EIGHT_BIT_MIN_SIZE ? 8 * n : 4 * n + n + 4 * Math.ceilDiv(n, EIGHT_BIT_BLOCK);
            case ADAFACTOR -> throw new InvalidInputException("optimizer",
                    "Adafactor factors its state by matrix shape; choose a model with an architecture.");
        };
    }

    /** State for every tensor of the groups, each copy counted as its own tensor (8-bit blocks do not span tensors). */
    public long stateBytes(List<TensorGroup> groups) {
        long sum = 0;
        for (TensorGroup g : groups) {
            sum = Math.addExact(sum, Math.multiplyExact(stateBytes(g.first()), g.copies()));
        }
        return sum;
    }

    public long stateBytes(Tensor t) {
        if (this != ADAFACTOR) {
            return stateBytes(t.elements());
        }
        return t.dimensions() >= 2 ? 4 * (t.rows() + t.rowLength()) : 4 * t.elements();
    }

    /** The K of the ZeRO paper: optimizer-state bytes per parameter (Adafactor: none fixed). */
    public String kDescription() {
        return switch (this) {
            case ADAMW -> "8 (momentum 4 + variance 4)";
            case ADAMW_FUSED -> "8 (momentum 4 + variance 4), + 4 bytes of FP32 step per tensor";
            case ADAMW_MIXED -> "12 (FP32 master 4 + momentum 4 + variance 4)";
            case ADAMW_BF16 -> "4 (BF16 momentum 2 + variance 2)";
            case ADAMW_8BIT -> "≈ 6 (FP32 master 4 + 8-bit momentum and variance 2, + two FP32 absmax per 256; tensors under 4,096 "
                    + "elements keep FP32 states: 12)";
            case SGD_MOMENTUM -> "4 (momentum)";
            case SGD -> "0 (no state without momentum)";
            case LION -> "4 (momentum; Lion keeps no second moment)";
            case LION_8BIT -> "≈ 5 (FP32 master 4 + 8-bit momentum 1, + one FP32 absmax per 256; tensors under 4,096 elements "
                    + "keep an FP32 state: 8)";
            case ADAFACTOR -> "4 × (rows + columns) per matrix";
        };
    }
}
