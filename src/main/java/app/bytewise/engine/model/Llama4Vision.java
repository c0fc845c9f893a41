package app.bytewise.engine.model;

import static app.bytewise.engine.model.ConfigLimit.*;
import static app.bytewise.engine.model.TensorRole.VISION;

import java.util.List;

/**
 * Llama 4's vision encoder, adapter and projector ({@code modeling_llama4.py}: Llama4VisionModel,
 * Llama4VisionPixelShuffleMLP, Llama4MultiModalProjector): a ViT with an unfolded linear patch
 * embedding, a class token and learned positions, LayerNorm blocks with biased projections, then
 * a bias-free two-layer adapter and a bias-free projection to the text width.
 */
final class Llama4Vision {

    private Llama4Vision() {
    }

    static void addTensors(TensorListBuilder tensors, ModelConfig v, long textHidden) {
        // Llama4VisionConfig's defaults do not chain (768 wide with a 5632 adapter input); a real config states them.
        long h = v.requiredLong(HIDDEN, "hidden_size");
        long ff = v.requiredLong(INTERMEDIATE, "intermediate_size");
        int layers = v.requiredInt(LAYERS, "num_hidden_layers");
        long channels = v.optionalLong(HEADS, "num_channels").orElse(3L);
        long image = v.requiredLong(POSITIONS, "image_size");
        long patch = v.requiredLong(POSITIONS, "patch_size");
        long projectorIn = v.optionalLong(HIDDEN, "projector_input_dim").orElse(4096L);
        long projectorOut = v.optionalLong(HIDDEN, "projector_output_dim").orElse(4096L);
        long output = v.optionalLong(HIDDEN, "vision_output_dim").orElse(7680L);
        if (patch > image) {
            throw new app.bytewise.engine.InvalidInputException(v.path("patch_size"),
                    "patch_size " + patch + " is larger than image_size " + image + ".");
        }
        long grid = image / patch;
        String p = "vision_model.";
        TensorListBuilder.Scope once = tensors.once();
        once.matrix(p + "patch_embedding.linear.weight", VISION, h, Math.multiplyExact(channels, patch * patch));
        once.vector(p + "class_embedding", VISION, h);
        once.matrix(p + "positional_embedding_vlm", VISION, grid * grid + 1, h);
        once.vector(p + "layernorm_pre.weight", VISION, h);
        once.vector(p + "layernorm_pre.bias", VISION, h);
        once.vector(p + "layernorm_post.weight", VISION, h);
        once.vector(p + "layernorm_post.bias", VISION, h);
        TensorListBuilder.Scope layer = tensors.layers(0, layers);
        String l = p + "model.layers." + TensorGroup.LAYER + ".";
        for (String projection : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
            linear(layer, l + "self_attn." + projection, h, h);
        }
        linear(layer, l + "mlp.fc1", ff, h);
        linear(layer, l + "mlp.fc2", h, ff);
        for (String norm : List.of("input_layernorm", "post_attention_layernorm")) {
            layer.vector(l + norm + ".weight", VISION, h);
            layer.vector(l + norm + ".bias", VISION, h);
        }
        TensorListBuilder.Scope after = tensors.once();
        after.matrix(p + "vision_adapter.mlp.fc1.weight", VISION, projectorIn, ff);
        after.matrix(p + "vision_adapter.mlp.fc2.weight", VISION, projectorOut, projectorOut);
        after.matrix("multi_modal_projector.linear_1.weight", VISION, textHidden, output);
    }

    private static void linear(TensorListBuilder.Scope scope, String prefix, long out, long in) {
        scope.matrix(prefix + ".weight", VISION, out, in);
        scope.vector(prefix + ".bias", VISION, out);
    }
}
