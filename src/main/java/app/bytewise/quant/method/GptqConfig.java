package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;

/**
 * GPTQ settings, defaults as in the reference implementation: dampening 1% of the mean Hessian
 * diagonal, lazy batches of 128 columns, act-order off.
 */
public record GptqConfig(IntQuantConfig quant, double dampPercent, int blockSize, boolean actOrder) {

    public GptqConfig {
        if (!(dampPercent > 0) || dampPercent > 1) {
            throw new InvalidInputException("dampPercent", "Dampening must be in (0, 1], e.g. 0.01.");
        }
        if (blockSize < 1 || blockSize > 4096) {
            throw new InvalidInputException("blockSize", "The lazy-batch block must be 1 to 4096 columns.");
        }
    }

    public static GptqConfig of(IntQuantConfig quant) {
        return new GptqConfig(quant, 0.01, 128, false);
    }

    public GptqConfig withActOrder(boolean on) {
        return new GptqConfig(quant, dampPercent, blockSize, on);
    }
}
