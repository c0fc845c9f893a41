package app.bytewise.engine.model;

import static app.bytewise.engine.model.TensorRole.VISION;

import static app.bytewise.engine.model.ConfigLimit.*;

import java.util.List;

/**
 * A SigLIP vision tower ({@code configuration_siglip.py}, {@code modeling_siglip.py}): a ViT with
 * a convolutional patch embedding, learned positions (no class token), pre-norm LayerNorm blocks
 * with biased projections, and a final LayerNorm; the attention-pooling head only when
 * {@code vision_use_head}. Its tensors are listed under {@code prefix}.
 */
final class SiglipVision {

    private SiglipVision() {
    }

    /** Width of the tower's output, for the projector. */
    static long hidden(ModelConfig v) {
        return v.optionalLong(HIDDEN, "hidden_size").orElse(768L);
    }

    static void addTensors(TensorListBuilder tensors, ModelConfig v, String prefix) {
        long h = hidden(v);
        long ff = v.optionalLong(INTERMEDIATE, "intermediate_size").orElse(3072L);
        int layers = v.optionalInt(LAYERS, "num_hidden_layers").orElse(12);
        long channels = v.optionalLong(HEADS, "num_channels").orElse(3L);
        long image = v.optionalLong(POSITIONS, "image_size").orElse(224L);
        long patch = v.optionalLong(POSITIONS, "patch_size").orElse(16L);
        if (patch > image) {
            throw new app.bytewise.engine.InvalidInputException(v.path("patch_size"),
                    "patch_size " + patch + " is larger than image_size " + image + ".");
        }
        long patches = (image / patch) * (image / patch);
        TensorListBuilder.Scope once = tensors.once();
        once.tensor(prefix + "embeddings.patch_embedding.weight", VISION, List.of(h, channels, patch, patch), 1);
        once.vector(prefix + "embeddings.patch_embedding.bias", VISION, h);
        once.matrix(prefix + "embeddings.position_embedding.weight", VISION, patches, h);
        TensorListBuilder.Scope layer = tensors.layers(0, layers);
        String p = prefix + "encoder.layers." + TensorGroup.LAYER + ".";
        for (String projection : List.of("q_proj", "k_proj", "v_proj", "out_proj")) {
            visionLinear(layer, p + "self_attn." + projection, h, h);
        }
        layer.vector(p + "layer_norm1.weight", VISION, h);
        layer.vector(p + "layer_norm1.bias", VISION, h);
        visionLinear(layer, p + "mlp.fc1", ff, h);
        visionLinear(layer, p + "mlp.fc2", h, ff);
        layer.vector(p + "layer_norm2.weight", VISION, h);
        layer.vector(p + "layer_norm2.bias", VISION, h);
        TensorListBuilder.Scope after = tensors.once();
        after.vector(prefix + "post_layernorm.weight", VISION, h);
        after.vector(prefix + "post_layernorm.bias", VISION, h);
        if (v.bool("vision_use_head", true)) {
            after.tensor(prefix + "head.probe", VISION, List.of(1L, 1L, h), 2);
            after.matrix(prefix + "head.attention.in_proj_weight", VISION, 3 * h, h);
            after.vector(prefix + "head.attention.in_proj_bias", VISION, 3 * h);
            visionLinear(after, prefix + "head.attention.out_proj", h, h);
            after.vector(prefix + "head.layernorm.weight", VISION, h);
            after.vector(prefix + "head.layernorm.bias", VISION, h);
            visionLinear(after, prefix + "head.mlp.fc1", ff, h);
            visionLinear(after, prefix + "head.mlp.fc2", h, ff);
        }
    }

    private static void visionLinear(TensorListBuilder.Scope scope, String prefix, long out, long in) {
        scope.matrix(prefix + ".weight", VISION, out, in);
        scope.vector(prefix + ".bias", VISION, out);
    }
}
