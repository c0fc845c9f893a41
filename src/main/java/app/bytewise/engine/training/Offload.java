package app.bytewise.engine.training;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/**
 * What ZeRO moves to CPU memory. ZeRO-Offload (Ren et al. 2021) keeps the 16-bit weights on the
 * GPU and moves gradients and optimizer state (with the FP32 master weights) to the CPU;
 * ZeRO-Infinity (Rajbhandari et al. 2021) with stage 3 can move the weights too.
 */
public enum Offload {
    NONE, OPTIMIZER, OPTIMIZER_AND_PARAMS;

    public static Offload parse(String id) {
        String key = id == null ? "none" : id.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "none", "false", "" -> NONE;
            case "optimizer", "cpu", "true" -> OPTIMIZER;
            case "optimizer+params", "optimizer_and_params", "params" -> OPTIMIZER_AND_PARAMS;
            default -> throw new InvalidInputException("offload", "offload must be none, optimizer or optimizer+params");
        };
    }
}
