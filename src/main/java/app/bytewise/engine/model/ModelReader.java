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
        return read(id, name, json, fieldPrefix, Optional.empty());
    }

    /**
     * @param assumeFamily a known {@code model_type} to count an unknown one as, asked for by the user;
     *     every figure of the model then carries a note saying it is a guess
     */
    public static Model read(String id, String name, JsonNode json, String fieldPrefix, Optional<String> assumeFamily) {
        ModelConfig outer = new ModelConfig(json, fieldPrefix);
        List<String> notes = new ArrayList<>();
        ModelConfig config = languageModel(outer, notes);
        String type = config.modelType();
        ModelFamily family = family(type).orElseGet(() -> assumed(config, type, assumeFamily, notes));
        Architecture architecture = family.architecture(config);
        Model model = Model.ofGroups(id, name, architecture, family.tensorGroups(config, architecture), notes);
        checkParameterCount(model, config);
        return model.withCheckpoint(Checkpoint.read(config, family.unloadedGroups(config, architecture)));
    }

    /**
     * A multimodal config of a type Bytewise does not know (Mistral 3, LLaVA…) whose {@code text_config}
     * is a known family: the language model is counted from it, and the vision tower is named as not
     * counted. Gemma 3 and Llama 4, whose towers are known, are families of their own.
     */
    private static ModelConfig languageModel(ModelConfig outer, List<String> notes) {
        if (family(outer.modelType()).isPresent()) {
            return outer;
        }
        return outer.child("text_config").filter(t -> t.optionalString("model_type").flatMap(ModelReader::family)
                .isPresent()).map(text -> {
                    String vision = outer.child("vision_config").flatMap(v -> v.optionalString("model_type"))
                            .orElse("unnamed");
                    notes.add("WARNING: model_type '" + shorten(outer.modelType()) + "' is not a family Bytewise knows; "
                            + "its language model (text_config, " + shorten(text.modelType()) + ") is counted exactly, "
                            + "and its vision tower (" + shorten(vision) + ") and projector are NOT counted. Tensor "
                            + "names are the language model's own, without the multimodal prefix.");
                    return text;
                }).orElse(outer);
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
        return readText(id, name, json, fieldPrefix, Optional.empty());
    }

    /** As {@link #readText(String, String, String, String)}, counting an unknown model_type as {@code assumeFamily}. */
    public static Model readText(String id, String name, String json, String fieldPrefix, Optional<String> assumeFamily) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException e) {
            throw new InvalidInputException(fieldPrefix, "Not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(fieldPrefix, "A config.json is a JSON object: { \"model_type\": … }.");
        }
        return read(id, name, node, fieldPrefix, assumeFamily);
    }

    /** The {@code model_type}s Bytewise counts, as transformers spells them. */
    public static final List<String> KNOWN_TYPES = List.of("llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3",
            "qwen3_moe", "gemma", "gemma2", "gemma3", "gemma3_text", "phi3", "phimoe", "falcon", "gpt2", "opt", "gpt_neox",
            "deepseek_v2", "deepseek_v3", "kimi_k2", "gpt_oss", "llama4", "llama4_text", "qwen3_next", "mamba", "mamba2",
            "jamba");

    public static Optional<ModelFamily> family(String modelType) {
        String type = modelType.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (type) {
            case "llama" -> new LlamaFamily(LlamaFamily.Variant.LLAMA);
            case "mistral" -> new LlamaFamily(LlamaFamily.Variant.MISTRAL);
            case "mixtral" -> new LlamaFamily(LlamaFamily.Variant.MIXTRAL);
            case "qwen2" -> new LlamaFamily(LlamaFamily.Variant.QWEN2);
            case "qwen2_moe", "qwen3", "qwen3_moe" -> new QwenFamily(type);
            case "gemma" -> new GemmaFamily(false);
            case "gemma2" -> new GemmaFamily(true);
            case "gemma3" -> new Gemma3Family(true);
            case "gemma3_text" -> new Gemma3Family(false);
            case "phi3" -> new Phi3Family();
            case "phimoe" -> new PhiMoeFamily();
            case "falcon", "refinedweb", "refinedwebmodel" -> new FalconFamily();
            case "gpt2" -> new Gpt2Family();
            case "opt" -> new OptFamily();
            case "gpt_neox" -> new GptNeoXFamily();
            case "deepseek_v2", "deepseek_v3", "kimi_k2" -> new DeepSeekFamily(type);
            case "gpt_oss" -> new GptOssFamily();
            case "llama4" -> new Llama4Family(true);
            case "llama4_text" -> new Llama4Family(false);
            case "qwen3_next" -> new Qwen3NextFamily();
            case "mamba" -> new MambaFamily();
            case "mamba2" -> new Mamba2Family();
            case "jamba" -> new JambaFamily();
            default -> null;
        });
    }

    /**
     * An unknown family is refused, naming {@code model_type} and the known ones, unless the user asked
     * to count it as a known family; then the model carries a note that every figure is a guess.
     */
    private static ModelFamily assumed(ModelConfig config, String type, Optional<String> assumeFamily, List<String> notes) {
        if (assumeFamily.isEmpty()) {
            throw new InvalidInputException(config.path("model_type"), "model_type '" + shorten(type)
                    + "' is not a family Bytewise knows, so it cannot be counted exactly. Known: "
                    + String.join(", ", KNOWN_TYPES) + ". To count it as one of these anyway, ask for a guess "
                    + "(assumeFamily), and every figure will be marked as one.");
        }
        String assumed = assumeFamily.get();
        ModelFamily family = family(assumed).orElseThrow(() -> new InvalidInputException("model.assumeFamily",
                "assumeFamily '" + shorten(assumed) + "' is not a known family. Known: " + String.join(", ", KNOWN_TYPES) + "."));
        notes.add(Model.GUESS + "model_type '" + shorten(type) + "' is not a family Bytewise knows; it is counted as '"
                + assumed.toLowerCase(Locale.ROOT) + "', as asked. Every figure is a guess: check the tensor list "
                + "against the checkpoint.");
        return family;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
