package app.bytewise.engine.model;

import java.util.List;

/**
 * What a model's checkpoint files hold beyond the tensors inference loads: the precision they are
 * stored in, and tensors stored but not loaded (DeepSeek-V3's multi-token-prediction layer 61,
 * which transformers skips; README_WEIGHTS.md, deepseek-ai/DeepSeek-V3 @9b4e978).
 */
public record Checkpoint(CheckpointPrecision precision, List<TensorGroup> unloaded) {

    public Checkpoint {
        unloaded = List.copyOf(unloaded);
    }

    /** Read from a config.json: its precision, and the family's stored-but-unloaded tensors. */
    static Checkpoint read(ModelConfig config, List<TensorGroup> unloaded) {
        return new Checkpoint(CheckpointConfig.read(config), unloaded);
    }
}
