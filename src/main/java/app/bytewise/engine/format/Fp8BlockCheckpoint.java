package app.bytewise.engine.format;

import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorGroup;
import java.util.List;

/**
 * Block-scaled FP8 ({@code quant_method: fp8}, {@code weight_block_size [blockOut, blockIn]}), as
 * DeepSeek-V3 and Kimi K2 ship. Every linear layer of the blocks stores its weight in F8_E4M3 and a
 * {@code weight_scale_inv} F32 {@code [ceil(out/blockOut), ceil(in/blockIn)]}, one per block, a partial
 * block padded (DeepSeek-V3 README_WEIGHTS.md, "FP8 Weight Documentation"; the scale shape of
 * {@code Linear} in inference/model.py, deepseek-ai/DeepSeek-V3 @9b4e978, and of transformers'
 * {@code FP8Linear}). What stays BF16 follows DeepSeek's model.py: the embedding, the output head
 * (built in the default dtype), the norms and the router ({@code Gate.weight}, a plain parameter,
 * not a {@code Linear}); the router's {@code e_score_correction_bias} is F32 ({@code Gate.bias}
 * there is created float32). The MTP module's {@code eh_proj} stays BF16 too: only with it in BF16
 * do DeepSeek-V3's files hold the 684,531,386,000 elements the Hugging Face API reports.
 */
record Fp8BlockCheckpoint(StoredDtype base, int blockOut, int blockIn, ModuleMatcher notConverted)
        implements CheckpointScheme {

    @Override
    public String label() {
        return "FP8 E4M3, " + blockOut + "×" + blockIn + " blocks";
    }

    @Override
    public String description() {
        return "The checkpoint as published: block linear layers in F8_E4M3 with one F32 weight_scale_inv per "
                + blockOut + "×" + blockIn + " block; embeddings, output head, norms and router in " + base
                + ", the router's score-correction bias in F32.";
    }

    @Override
    public double nominalBits() {
        return 8;
    }

    @Override
    public boolean quantizes(Tensor t) {
        return t.role().isBlockLinear() && t.stackedExperts() == 0;
    }

    @Override
    public List<StoredTensor> quantized(TensorGroup g) {
        Tensor t = g.first();
        return List.of(new StoredTensor(g.pattern(), StoredDtype.F8_E4M3, t.shape()),
                new StoredTensor(g.pattern() + "_scale_inv", StoredDtype.F32,
                        List.of(Math.ceilDiv(t.rows(), blockOut), Math.ceilDiv(t.rowLength(), blockIn))));
    }

    @Override
    public String quantizedType() {
        return "F8_E4M3 + F32 block scales";
    }

    @Override
    public List<StoredTensor> unquantized(TensorGroup g, boolean biasOfQuantized) {
        StoredDtype dtype = g.pattern().endsWith("e_score_correction_bias") ? StoredDtype.F32 : base;
        return List.of(new StoredTensor(g.pattern(), dtype, g.first().shape()));
    }
}
