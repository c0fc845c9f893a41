package app.bytewise.engine.model;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Hugging Face {@code config.json} into a {@link Model} with its full tensor list. */
public final class ModelReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelReader() {
    }

    /**
     * @param fieldPrefix the JSON path of the config in the caller's input, for error messages
     *     (e.g. {@code model.config})
     */
    public static Model read(String id, String name, JsonNode json, String fieldPrefix) {
        ModelConfig config = new ModelConfig(json, fieldPrefix);
        String type = config.modelType();
        List<String> notes = new ArrayList<>();
        ModelFamily family = family(type).orElseGet(() -> llamaLike(config, type, notes));
        Architecture architecture = family.architecture(config);
        Model model = Model.ofGroups(id, name, architecture, family.tensorGroups(config, architecture), notes);
        checkParameterCount(model, config);
        return model;
    }

    /**
     * Each dimension within its {@link ConfigLimit} can still multiply out to more parameters than
     * any estimate should hold. Outside the blocks a model stays far below the bound, so the layers
     * are always what to reduce, and the error names them.
     */
    private static void checkParameterCount(Model model, ModelConfig config) {
        long parameters;
        try {
            parameters = model.parameters();
        } catch (ArithmeticException overflow) {
            parameters = Long.MAX_VALUE;
        }
        if (parameters > Model.MAX_PARAMETERS) {
            String layers = config.has("num_hidden_layers") || !config.has("n_layer") ? "num_hidden_layers" : "n_layer";
            String count = parameters == Long.MAX_VALUE ? "more than 2^63" : String.format(Locale.ROOT, "%,d", parameters);
            throw new InvalidInputException(config.path(layers), "This config describes " + count + " parameters; "
                    + "Bytewise estimates models of up to 10^15 (over 500× the largest published). "
                    + "Use fewer layers or experts, or narrower ones.");
        }
    }

    /**
     * Reads a {@code config.json} given as text (pasted or uploaded), with a clear message for text
     * that is not a JSON object.
     */
    public static Model readText(String id, String name, String json, String fieldPrefix) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new InvalidInputException(fieldPrefix, "Not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(fieldPrefix, "A config.json is a JSON object: { \"model_type\": … }.");
        }
        return read(id, name, node, fieldPrefix);
    }

    public static Optional<ModelFamily> family(String modelType) {
        return Optional.ofNullable(switch (modelType.toLowerCase(Locale.ROOT)) {
            case "llama" -> new LlamaFamily(LlamaFamily.Variant.LLAMA);
            case "mistral" -> new LlamaFamily(LlamaFamily.Variant.MISTRAL);
            case "mixtral" -> new LlamaFamily(LlamaFamily.Variant.MIXTRAL);
            case "qwen2" -> new LlamaFamily(LlamaFamily.Variant.QWEN2);
            case "gemma" -> new GemmaFamily(false);
            case "gemma2" -> new GemmaFamily(true);
            case "phi3" -> new Phi3Family();
            case "falcon", "refinedweb", "refinedwebmodel" -> new FalconFamily();
            case "gpt2" -> new Gpt2Family();
            case "opt" -> new OptFamily();
            case "gpt_neox" -> new GptNeoXFamily();
            default -> null;
        });
    }

    /**
     * An unknown family is counted as a Llama-style decoder only when its config has every field
     * that layout needs; the result carries a note saying so. Anything else is an error.
     */
    private static ModelFamily llamaLike(ModelConfig config, String type, List<String> notes) {
        for (String field : List.of("hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                "vocab_size")) {
            if (!config.has(field)) {
                throw new InvalidInputException(config.path("model_type"), "model_type '" + type
                        + "' is not a family Bytewise can count, and its config lacks " + field
                        + " for a Llama-style estimate. Known families: llama, mistral, mixtral, qwen2, gemma, "
                        + "gemma2, phi3, falcon, gpt2, opt, gpt_neox.");
            }
        }
        notes.add("model_type '" + type + "' is not a known family: counted as a Llama-style decoder (RMSNorm, "
                + "separate q/k/v/o projections, gated MLP, no biases). Check the tensor list against the checkpoint.");
        return new LlamaFamily(LlamaFamily.Variant.LLAMA);
    }
}
