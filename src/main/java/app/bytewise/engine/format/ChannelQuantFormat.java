package app.bytewise.engine.format;

import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;

/**
 * Weight-only quantization of the linear layers inside the transformer blocks, with one scale per
 * output row or per tensor. Embeddings, norms, the output head and MoE routers stay in 16 bits.
 */
public enum ChannelQuantFormat implements WeightFormat {
    /**
     * FP8 E4M3 (OCP FP8 spec: 4 exponent bits, max 448) with one FP32 scale per weight tensor, the
     * layout vLLM loads from llm-compressor FP8 checkpoints ({@code weight_scale}).
     */
    FP8_E4M3("fp8-e4m3", "FP8 E4M3", 8, ScaleKind.PER_TENSOR_FP32),
    /** FP8 E5M2 (OCP FP8 spec: 5 exponent bits, max 57344), same layout as E4M3. */
    FP8_E5M2("fp8-e5m2", "FP8 E5M2", 8, ScaleKind.PER_TENSOR_FP32),
    /**
     * INT8 as bitsandbytes' LLM.int8() stores it ({@code Int8Params}): int8 codes {@code CB} and
     * one FP32 absmax per output row {@code SCB} (Dettmers et al. 2022, vector-wise quantization).
     */
    INT8("int8", "INT8", 8, ScaleKind.PER_ROW_FP32),
    /** Symmetric INT4 round-to-nearest with one FP16 scale per output row. */
    INT4("int4", "INT4", 4, ScaleKind.PER_ROW_FP16);

    enum ScaleKind {
        PER_TENSOR_FP32, PER_ROW_FP32, PER_ROW_FP16
    }

    private final String id;
    private final String label;
    private final int bits;
    private final ScaleKind scales;

    ChannelQuantFormat(String id, String label, int bits, ScaleKind scales) {
        this.id = id;
        this.label = label;
        this.bits = bits;
        this.scales = scales;
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
        return bits;
    }

    @Override
    public String description() {
        String scale = switch (scales) {
            case PER_TENSOR_FP32 -> "one FP32 scale per tensor";
            case PER_ROW_FP32 -> "one FP32 scale per output row";
            case PER_ROW_FP16 -> "one FP16 scale per output row";
        };
        return "Block linear layers in " + label + " (" + bits + " bits) with " + scale
                + "; embeddings, norms and the output head stay in 16 bits.";
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
        long codes = StorageMath.packedRowBytes(t, bits);
        long scaleBytes = switch (scales) {
            case PER_TENSOR_FP32 -> 4;
            case PER_ROW_FP32 -> 4 * t.rows();
            case PER_ROW_FP16 -> 2 * t.rows();
        };
        return new GroupStorage(g, label, codes + scaleBytes);
    }
}
