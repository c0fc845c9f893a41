package app.bytewise.engine.format;

import static app.bytewise.engine.model.TensorRole.OUTPUT;
import static app.bytewise.engine.model.TensorRole.ROUTER;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.CheckpointPrecision.CompressedTensors;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * compressed-tensors checkpoints ({@code quant_method: compressed-tensors}, what llm-compressor
 * writes), per quantized {@code nn.Linear} of weight {@code [o, i]}, after the library's compressors
 * (vllm-project/compressed-tensors {@code compressors/quantized_compressors/}, @52792be0):
 * <ul>
 * <li>{@code pack-quantized} ({@code pack_quantized.py}): {@code weight_packed} I32
 *     {@code [o, ceil(i·bits/32)]}, {@code weight_scale} in the model dtype, {@code weight_shape} I64
 *     [2] ({@code torch.tensor(shape)}), asymmetric {@code weight_zero_point} I32 packed along the
 *     rows {@code [ceil(o·bits/32), scale columns]}, and with {@code actorder: group} a
 *     {@code weight_g_idx} I32 [i];
 * <li>{@code float-quantized}, {@code int-quantized}, {@code naive-quantized} ({@code naive_quantized.py}):
 *     {@code weight} F8_E4M3 or I8 {@code [o, i]} and {@code weight_scale} (an asymmetric int
 *     {@code weight_zero_point} I8 beside it);
 * <li>{@code nvfp4-pack-quantized} ({@code fp4_quantized.py}): {@code weight_packed} U8 {@code [o, i/2]},
 *     {@code weight_scale} F8_E4M3 {@code [o, i/16]}, {@code weight_global_scale} F32 [1], and with
 *     quantized activations {@code input_global_scale} F32 [1].
 * </ul>
 * The scale's shape follows the strategy ({@code initialize.py}): tensor [1], channel [o, 1], group
 * [o, ceil(i/group)], block [ceil(o/rows), ceil(i/columns)]; static activations add {@code input_scale} [1].
 * Quantized are the {@code Linear}s the group targets, minus {@code ignore}: the blocks' linear layers,
 * routers that are {@code nn.Linear}s and the output head. Vision towers are left out of the count of
 * quantized layers (llm-compressor's recipes ignore them).
 */
record CompressedTensorsCheckpoint(CompressedTensors config, StoredDtype base, boolean routerLinear,
        ModuleMatcher notConverted) implements CheckpointScheme {

    @Override
    public String label() {
        return "compressed-tensors " + config.format() + ", " + (config.floating() ? "FP" : "INT") + config.bits()
                + (config.group() > 0 ? ", group " + config.group() : ", per " + config.strategy());
    }

    @Override
    public String description() {
        return "The checkpoint as published (compressed-tensors " + config.format() + "): linear layers as "
                + (config.floating() ? "FP" : "INT") + config.bits() + " with " + scaleDtype() + " scales per "
                + (config.group() > 0 ? config.group() + " inputs" : config.strategy())
                + (config.symmetric() ? "" : " and zero points") + "; everything else in " + base + ".";
    }

    @Override
    public double nominalBits() {
        return config.bits();
    }

    @Override
    public boolean quantizes(Tensor t) {
        return t.stackedExperts() == 0 && (t.role().isBlockLinear() || (routerLinear && t.role() == ROUTER)
                || t.role() == OUTPUT);
    }

    private boolean nvfp4() {
        return config.format().equals("nvfp4-pack-quantized");
    }

    private StoredDtype scaleDtype() {
        return nvfp4() ? StoredDtype.F8_E4M3 : base;
    }

    @Override
    public List<StoredTensor> quantized(TensorGroup g) {
        Tensor t = g.first();
        long o = t.rows();
        long i = t.rowLength();
        String w = g.pattern();
        String module = CheckpointScheme.module(w);
        List<Long> scale = scaleShape(g, o, i);
        List<StoredTensor> stored = new ArrayList<>();
        switch (config.format()) {
            case "pack-quantized" -> {
                stored.add(new StoredTensor(module + ".weight_packed", StoredDtype.I32,
                        List.of(o, Math.ceilDiv(i * config.bits(), 32))));
                stored.add(new StoredTensor(module + ".weight_scale", base, scale));
                stored.add(new StoredTensor(module + ".weight_shape", StoredDtype.I64, List.of(2L)));
                if (!config.symmetric()) {
                    stored.add(new StoredTensor(module + ".weight_zero_point", StoredDtype.I32, List.of(
                            Math.ceilDiv(scale.getFirst() * config.bits(), 32), scale.size() > 1 ? scale.get(1) : 1L)));
                }
                if (config.groupActOrder()) {
                    stored.add(new StoredTensor(module + ".weight_g_idx", StoredDtype.I32, List.of(i)));
                }
            }
            case "nvfp4-pack-quantized" -> {
                require(i % 16 == 0, g, "NVFP4 scales 16 inputs at a time");
                stored.add(new StoredTensor(module + ".weight_packed", StoredDtype.U8, List.of(o, i / 2)));
                stored.add(new StoredTensor(module + ".weight_scale", StoredDtype.F8_E4M3, List.of(o, i / 16)));
                stored.add(new StoredTensor(module + ".weight_global_scale", StoredDtype.F32, List.of(1L)));
            }
            default -> {
                stored.add(new StoredTensor(w, config.floating() ? StoredDtype.F8_E4M3 : StoredDtype.I8, List.of(o, i)));
                stored.add(new StoredTensor(module + ".weight_scale", base, scale));
                if (!config.symmetric()) {
                    stored.add(new StoredTensor(module + ".weight_zero_point", StoredDtype.I8, scale));
                }
            }
        }
        if (config.staticInput()) {
            stored.add(new StoredTensor(module + (nvfp4() ? ".input_global_scale" : ".input_scale"),
                    nvfp4() ? StoredDtype.F32 : base, List.of(1L)));
        }
        return stored;
    }

    private List<Long> scaleShape(TensorGroup g, long o, long i) {
        return switch (config.strategy()) {
            case "tensor" -> List.of(1L);
            case "channel" -> List.of(o, 1L);
            case "block" -> List.of(Math.ceilDiv(o, config.blockRows()), Math.ceilDiv(i, config.blockColumns()));
            default -> List.of(o, Math.ceilDiv(i, config.group()));
        };
    }

    @Override
    public String quantizedType() {
        return switch (config.format()) {
            case "pack-quantized" -> "INT" + config.bits() + " packed in I32 + " + base + " scales";
            case "nvfp4-pack-quantized" -> "NVFP4 (U8 codes + F8_E4M3 scales)";
            default -> (config.floating() ? "F8_E4M3" : "I8") + " + " + base + " scales";
        };
    }

    private void require(boolean condition, TensorGroup g, String why) {
        if (!condition) {
            throw new InvalidInputException("weights", g.pattern() + " is " + g.first().rows() + "×"
                    + g.first().rowLength() + "; " + why + ", so this config cannot be such a checkpoint.");
        }
    }
}
