package app.bytewise.engine.format;

import static app.bytewise.engine.model.TensorRole.FFN_DOWN;
import static app.bytewise.engine.model.TensorRole.FFN_GATE_UP;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;

/**
 * MXFP4 ({@code quant_method: mxfp4}), as gpt-oss ships: the MoE experts' {@code gate_up_proj} and
 * {@code down_proj} as {@code _blocks} U8 {@code [E, out, in/32, 16]} (32 FP4 codes in 16 bytes) and
 * {@code _scales} U8 {@code [E, out, in/32]} (one E8M0 exponent per 32), the shapes of
 * {@code Mxfp4GptOssExperts} in transformers' {@code integrations/mxfp4.py} (huggingface/transformers
 * @0189b1d) and of {@code _get_mxfp4_tensor} in openai/gpt-oss {@code gpt_oss/torch/weights.py}
 * @7b58334. "All other tensors will be in BF16" (openai/gpt-oss README, "Precision format"): the
 * experts' biases, attention, router, embeddings, head, norms and sinks.
 */
record Mxfp4Checkpoint(StoredDtype base, ModuleMatcher notConverted) implements CheckpointScheme {

    static final int BLOCK = 32;

    @Override
    public String label() {
        return "MXFP4 experts";
    }

    @Override
    public String description() {
        return "The checkpoint as published: the MoE experts' weights in MXFP4 (U8 _blocks of two FP4 codes per "
                + "byte, one U8 E8M0 scale per 32 values: 4.25 bits per weight); everything else in " + base + ".";
    }

    @Override
    public double nominalBits() {
        return 4.25;
    }

    /** Only the fused expert tensors: transformers' mxfp4 quantizer replaces the experts module alone. */
    @Override
    public boolean quantizes(Tensor t) {
        return t.stackedExperts() > 0 && (t.role() == FFN_GATE_UP || t.role() == FFN_DOWN);
    }

    @Override
    public List<StoredTensor> quantized(TensorGroup g) {
        Tensor t = g.first();
        long experts = t.stackedExperts();
        long in = t.rowLength();
        long out = t.elements() / experts / in;
        if (in % BLOCK != 0) {
            throw new InvalidInputException("weights", g.pattern() + " has rows of " + in
                    + " values; MXFP4 stores whole blocks of 32, so this config cannot be an MXFP4 checkpoint.");
        }
        return List.of(new StoredTensor(g.pattern() + "_blocks", StoredDtype.U8, List.of(experts, out, in / BLOCK, 16L), true),
                new StoredTensor(g.pattern() + "_scales", StoredDtype.U8, List.of(experts, out, in / BLOCK)));
    }

    @Override
    public String quantizedType() {
        return "MXFP4 (U8 blocks + U8 scales)";
    }
}
