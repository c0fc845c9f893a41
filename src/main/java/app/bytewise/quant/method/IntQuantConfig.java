package app.bytewise.quant.method;

import app.bytewise.engine.InvalidInputException;

/**
 * Integer round-to-nearest settings. Scales are stored in FP16 and zero points at the code width,
 * as GPTQ/AWQ checkpoints store them; quantization uses the FP16-rounded scale, so what is
 * measured is what a checkpoint would give back.
 */
public record IntQuantConfig(int bits, boolean symmetric, Granularity granularity, int groupSize) {

    public IntQuantConfig {
        if (bits < 2 || bits > 8) {
            throw new InvalidInputException("bits", "Integer quantization takes 2 to 8 bits.");
        }
        if (granularity == Granularity.GROUP && (groupSize < 1 || groupSize > 4096)) {
            throw new InvalidInputException("groupSize", "The group size must be 1 to 4096 (typically 32, 64 or 128).");
        }
    }

    public static IntQuantConfig int8PerChannel() {
        return new IntQuantConfig(8, true, Granularity.CHANNEL, 0);
    }

    public static IntQuantConfig int4Group(int group) {
        return new IntQuantConfig(4, false, Granularity.GROUP, group);
    }

    /** Values sharing one scale within a row of {@code cols} (the whole row for per-channel). */
    int groupLength(int cols) {
        return granularity == Granularity.GROUP ? Math.min(groupSize, cols) : cols;
    }

    public String describe() {
        return "INT" + bits + (symmetric ? " symmetric" : " asymmetric") + switch (granularity) {
            case TENSOR -> ", per tensor";
            case CHANNEL -> ", per channel";
            case GROUP -> ", group " + groupSize;
        };
    }
}
