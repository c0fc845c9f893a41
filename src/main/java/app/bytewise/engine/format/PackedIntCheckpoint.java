package app.bytewise.engine.format;

import static app.bytewise.engine.model.TensorRole.OUTPUT;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.CheckpointPrecision.Method;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;
import java.util.Locale;

/**
 * GPTQ and AWQ checkpoints ({@code quant_method: gptq | awq}), each quantized linear layer stored
 * as its {@code QuantLinear}'s buffers:
 * <ul>
 * <li>GPTQ (AutoGPTQ {@code auto_gptq/nn_modules/qlinear/qlinear_cuda_old.py} @179776b):
 *     {@code qweight} I32 {@code [in/32·bits, out]}, {@code qzeros} I32 {@code [ceil(in/group), out/32·bits]},
 *     {@code scales} F16 {@code [ceil(in/group), out]}, {@code g_idx} I32 {@code [in]} (always, act-order or not);
 * <li>AWQ (AutoAWQ {@code awq/modules/linear/gemm.py}, {@code WQLinear_GEMM} @030fe2a):
 *     {@code qweight} I32 {@code [in, out·bits/32]}, {@code qzeros} I32 {@code [in/group, out·bits/32]},
 *     {@code scales} F16 {@code [in/group, out]};
 * </ul>
 * and in both a bias of a quantized layer in F16. Quantized are the linear layers inside the blocks
 * (AutoGPTQ's {@code inside_layer_modules}, AutoAWQ's per-layer linears), not the embeddings, the
 * MoE router, the norms, or the output head unless the config says {@code lm_head: true}
 * (GPTQModel); fused 3-D expert tensors (gpt-oss, Llama 4) are not {@code nn.Linear}s, so they stay
 * unquantized. Everything unquantized is in the config's torch_dtype.
 */
record PackedIntCheckpoint(Method method, int bits, int group, boolean lmHead, StoredDtype base,
        ModuleMatcher notConverted) implements CheckpointScheme {

    @Override
    public String label() {
        return method + " " + bits + "-bit" + (group == -1 ? "" : ", group " + group);
    }

    @Override
    public String description() {
        return "The checkpoint as published: block linear layers as " + method + " " + bits + "-bit codes packed in "
                + "I32 with F16 scales and packed zero points per " + (group == -1 ? "row" : group + " inputs")
                + (method == Method.GPTQ ? ", and an I32 g_idx per input" : "") + (lmHead ? ", the output head too" : "")
                + "; everything else in " + base + ".";
    }

    @Override
    public double nominalBits() {
        return bits;
    }

    @Override
    public boolean quantizes(Tensor t) {
        return t.stackedExperts() == 0 && (t.role().isBlockLinear() || (lmHead && t.role() == OUTPUT));
    }

    @Override
    public List<StoredTensor> quantized(TensorGroup g) {
        Tensor t = g.first();
        long in = t.rowLength();
        long out = t.rows();
        long groupSize = group == -1 ? in : group;
        String prefix = CheckpointScheme.module(g.pattern());
        if (method == Method.GPTQ) {
            // QuantLinear packs 32 input rows (and 32 zero-point columns) into bits int32 words at a time.
            require(in % 32 == 0 && out % 32 == 0, g, "GPTQ packs 32 values into " + bits + " int32 words, so both "
                    + "dimensions must be multiples of 32");
            long groups = Math.ceilDiv(in, groupSize);
            return List.of(new StoredTensor(prefix + ".qweight", StoredDtype.I32, List.of(in / 32 * bits, out)),
                    new StoredTensor(prefix + ".qzeros", StoredDtype.I32, List.of(groups, out / 32 * bits)),
                    new StoredTensor(prefix + ".scales", StoredDtype.F16, List.of(groups, out)),
                    new StoredTensor(prefix + ".g_idx", StoredDtype.I32, List.of(in)));
        }
        // WQLinear_GEMM asserts in % group_size == 0 and out % (32 / w_bit) == 0.
        long pack = 32 / bits;
        require(in % groupSize == 0 && out % pack == 0, g, "AWQ's GEMM layout needs the input width a multiple of "
                + "the group size " + groupSize + " and the output width a multiple of " + pack);
        return List.of(new StoredTensor(prefix + ".qweight", StoredDtype.I32, List.of(in, out / pack)),
                new StoredTensor(prefix + ".qzeros", StoredDtype.I32, List.of(in / groupSize, out / pack)),
                new StoredTensor(prefix + ".scales", StoredDtype.F16, List.of(in / groupSize, out)));
    }

    @Override
    public String quantizedType() {
        return method + " " + bits + "-bit (I32 + F16 scales)";
    }

    /** QuantLinear keeps its bias as an F16 buffer, whatever the rest of the checkpoint is in. */
    @Override
    public List<StoredTensor> unquantized(TensorGroup g, boolean biasOfQuantized) {
        return List.of(new StoredTensor(g.pattern(), biasOfQuantized ? StoredDtype.F16 : base, g.first().shape()));
    }

    private void require(boolean condition, TensorGroup g, String why) {
        if (!condition) {
            throw new InvalidInputException("weights", g.pattern() + " is " + g.first().rows() + "×" + g.first().rowLength()
                    + "; " + why + ", so this config cannot be a " + method.name().toLowerCase(Locale.ROOT)
                    + " checkpoint.");
        }
    }
}
