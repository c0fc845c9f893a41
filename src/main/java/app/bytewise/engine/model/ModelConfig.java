package app.bytewise.engine.model;

import app.bytewise.engine.InvalidInputException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Hugging Face {@code config.json}, read field by field. Families spell the same fact differently
 * (GPT-2's {@code n_embd}, OPT's {@code hidden_size}), so every accessor takes the accepted
 * spellings in order. Errors name the field as a path under {@code fieldPrefix}.
 */
public final class ModelConfig {

    private final JsonNode json;
    private final String fieldPrefix;

    public ModelConfig(JsonNode json, String fieldPrefix) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException(fieldPrefix, "A model config must be a JSON object like a config.json.");
        }
        this.json = json;
        this.fieldPrefix = fieldPrefix;
    }

    public JsonNode json() {
        return json;
    }

    public String modelType() {
        return optionalString("model_type").orElseThrow(() ->
                new InvalidInputException(path("model_type"), "The config has no model_type."));
    }

    public Optional<String> optionalString(String name) {
        JsonNode node = json.get(name);
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    /** The first of {@code names} that is present and not null, as a positive integer. */
    public long requiredLong(String... names) {
        return optionalLong(names).orElseThrow(() -> new InvalidInputException(path(names[0]),
                "The config needs " + String.join(" or ", names) + " to count this model."));
    }

    public int requiredInt(String... names) {
        return toInt(requiredLong(names), names[0]);
    }

    public Optional<Long> optionalLong(String... names) {
        for (String name : names) {
            JsonNode node = json.get(name);
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isIntegralNumber() || node.longValue() <= 0) {
                throw new InvalidInputException(path(name), name + " must be a positive integer, got " + node);
            }
            return Optional.of(node.longValue());
        }
        return Optional.empty();
    }

    public Optional<Integer> optionalInt(String... names) {
        return optionalLong(names).map(value -> toInt(value, names[0]));
    }

    /** A boolean field, or {@code fallback} when absent or null (the family's config-class default). */
    public boolean bool(String name, boolean fallback) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidInputException(path(name), name + " must be true or false, got " + node);
        }
        return node.booleanValue();
    }

    public boolean has(String name) {
        JsonNode node = json.get(name);
        return node != null && !node.isNull();
    }

    public String path(String name) {
        return fieldPrefix.isEmpty() ? name : fieldPrefix + "." + name;
    }

    private int toInt(long value, String name) {
        if (value > Integer.MAX_VALUE) {
            throw new InvalidInputException(path(name), name + " is too large: " + value);
        }
        return (int) value;
    }
}
