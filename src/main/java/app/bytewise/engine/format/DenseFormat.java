package app.bytewise.engine.format;

import app.bytewise.engine.model.Model;

/**
 * Every tensor stored at one floating-point width: FP32 (4 bytes), FP16 and BF16 (2 bytes), as in
 * IEEE 754 binary32/binary16 and Google's bfloat16.
 */
public enum DenseFormat implements WeightFormat {
    FP32("fp32", "FP32", 4),
    FP16("fp16", "FP16", 2),
    BF16("bf16", "BF16", 2);

    private final String id;
    private final String label;
    private final int bytes;

    DenseFormat(String id, String label, int bytes) {
        this.id = id;
        this.label = label;
        this.bytes = bytes;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    public int bytesPerParameter() {
        return bytes;
    }

    @Override
    public double nominalBits() {
        return 8 * bytes;
    }

    @Override
    public String description() {
        return "Every tensor in " + label + ", " + app.bytewise.engine.Plural.count(bytes, "byte") + " per parameter.";
    }

    @Override
    public WeightLayout layout(Model model) {
        return new WeightLayout(id, model.tensorGroups().stream()
                .map(g -> new GroupStorage(g, label, Math.multiplyExact(g.first().elements(), bytes)))
                .toList());
    }
}
