package app.bytewise.engine.format;

import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;

/**
 * NF4 as bitsandbytes stores it ({@code quantize_4bit}, Dettmers et al. 2023, QLoRA): 4-bit codes
 * packed two per byte over the flattened tensor, one FP32 absmax per block of 64. With double
 * quantization ({@code nf4-dq}, {@code compress_statistics=True}) the absmax values become 8-bit
 * codes, with one FP32 second-level absmax per 256 blocks and one FP32 offset per tensor:
 * 0.5 bit/param of scales shrinks to 8/64 + 32/(64·256) ≈ 0.127. The fixed code tables (16 and 256
 * floats) are constants and not counted. Only block linear layers are quantized, as
 * {@code Linear4bit} replaces only {@code nn.Linear} modules; transformers keeps the output head
 * in 16 bits.
 */
public enum Nf4Format implements WeightFormat {
    NF4("nf4", "NF4", false),
    NF4_DOUBLE_QUANT("nf4-dq", "NF4 + double quant", true);

    static final int BLOCK = 64;
    static final int SECOND_LEVEL_BLOCK = 256;

    private final String id;
    private final String label;
    private final boolean doubleQuant;

    Nf4Format(String id, String label, boolean doubleQuant) {
        this.id = id;
        this.label = label;
        this.doubleQuant = doubleQuant;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public double nominalBits() {
        return 4;
    }

    @Override
    public String description() {
        return doubleQuant
                ? "Block linear layers in NF4 (4 bits) with 8-bit absmax per 64 values, FP32 per 256 blocks; "
                        + "the rest in 16 bits."
                : "Block linear layers in NF4 (4 bits) with an FP32 absmax per 64 values; the rest in 16 bits.";
    }

    @Override
    public WeightLayout layout(Model model) {
        return new WeightLayout(id, model.tensorGroups().stream().map(this::store).toList());
    }

    private GroupStorage store(TensorGroup g) {
        Tensor t = g.first();
        if (!t.role().isBlockLinear()) {
            return StorageMath.unquantized(g);
        }
        long n = t.elements();
        long blocks = StorageMath.ceilDiv(n, BLOCK);
        long codes = StorageMath.ceilDiv(n, 2);
        long statistics = doubleQuant
                ? blocks + 4 * StorageMath.ceilDiv(blocks, SECOND_LEVEL_BLOCK) + 4
                : 4 * blocks;
        return new GroupStorage(g, "NF4", codes + statistics);
    }
}
