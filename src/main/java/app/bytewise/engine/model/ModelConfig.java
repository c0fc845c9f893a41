package app.bytewise.engine.model;

import app.bytewise.engine.InvalidInputException;
import java.util.List;
import java.util.Locale;
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

    /**
     * The first of {@code names} that is present and not null, as a positive integer no larger than
     * {@code limit} allows.
     */
    public long requiredLong(ConfigLimit limit, String... names) {
        return optionalLong(limit, names).orElseThrow(() -> new InvalidInputException(path(names[0]),
                "The config needs " + String.join(" or ", names) + " to count this model."));
    }

    public int requiredInt(ConfigLimit limit, String... names) {
        return toInt(requiredLong(limit, names), names[0]);
    }

    public Optional<Long> optionalLong(ConfigLimit limit, String... names) {
        for (String name : names) {
            JsonNode node = json.get(name);
            if (node == null || node.isNull()) {
                continue;
            }
            // Checked before longValue(): an integer beyond 2^63 does not convert, and must be named, not crash.
            if (!node.isIntegralNumber() || node.bigIntegerValue().signum() <= 0) {
                throw new InvalidInputException(path(name), name + " must be a positive integer, got " + shown(node));
            }
            if (!node.canConvertToLong() || node.longValue() > limit.max()) {
                throw new InvalidInputException(path(name), String.format(Locale.ROOT,
                        "%s must be at most %,d, far above any published model; got %s.", name, limit.max(),
                        shown(node)));
            }
            return Optional.of(node.longValue());
        }
        return Optional.empty();
    }

    public Optional<Integer> optionalInt(ConfigLimit limit, String... names) {
        return optionalLong(limit, names).map(value -> toInt(value, names[0]));
    }

    /** A positive number that may be fractional (Mamba's {@code expand}), at most {@code max}; empty when absent or null. */
    public Optional<Double> optionalPositiveNumber(String name, double max) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isNumber() || !(node.doubleValue() > 0) || node.doubleValue() > max) {
            throw new InvalidInputException(path(name), String.format(Locale.ROOT,
                    "%s must be a positive number of at most %,.0f; got %s.", name, max, shown(node)));
        }
        return Optional.of(node.doubleValue());
    }

    /**
     * A positive integer, or the string {@code "auto"} (Mamba's {@code time_step_rank}): empty for
     * {@code "auto"}, absent or null, so the caller applies the config class's rule.
     */
    public Optional<Integer> optionalIntOrAuto(ConfigLimit limit, String name) {
        JsonNode node = json.get(name);
        if (node != null && node.isString()) {
            if (!node.stringValue().equals("auto")) {
                throw new InvalidInputException(path(name), name + " must be a positive integer or \"auto\", got "
                        + shown(node));
            }
            return Optional.empty();
        }
        return optionalInt(limit, name);
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

    /** A nested config object ({@code text_config}, {@code vision_config}), its errors named under this one's path. */
    public Optional<ModelConfig> child(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new InvalidInputException(path(name), name + " must be a JSON object.");
        }
        return Optional.of(new ModelConfig(node, path(name)));
    }

    /**
     * A list of strings with exactly {@code length} entries, each one of {@code allowed}
     * ({@code layer_types}: one per layer), or empty when absent.
     */
    public Optional<List<String>> strings(String name, int length, java.util.Set<String> allowed) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray() || node.size() != length) {
            throw new InvalidInputException(path(name), name + " must list one entry per layer (" + length + ").");
        }
        List<String> values = new java.util.ArrayList<>(length);
        for (JsonNode entry : node) {
            if (!entry.isString() || !allowed.contains(entry.stringValue())) {
                throw new InvalidInputException(path(name), name + " holds " + shown(entry) + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
            }
            values.add(entry.stringValue());
        }
        return Optional.of(values);
    }

    /** A list of layer indices ({@code mlp_only_layers}), each below {@code layers}. */
    public java.util.Set<Integer> layerIndices(String name, int layers) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return java.util.Set.of();
        }
        if (!node.isArray() || node.size() > layers) {
            throw new InvalidInputException(path(name), name + " must be a list of layer indices.");
        }
        java.util.Set<Integer> indices = new java.util.HashSet<>();
        for (JsonNode entry : node) {
            if (!entry.isIntegralNumber() || !entry.canConvertToInt() || entry.intValue() < 0 || entry.intValue() >= layers) {
                throw new InvalidInputException(path(name), name + " holds " + shown(entry) + ", not a layer index below "
                        + layers + ".");
            }
            indices.add(entry.intValue());
        }
        return indices;
    }

    public boolean has(String name) {
        JsonNode node = json.get(name);
        return node != null && !node.isNull();
    }

    public String path(String name) {
        return fieldPrefix.isEmpty() ? name : fieldPrefix + "." + name;
    }

    /** The value as given, cut short: a 1,000-digit number is not echoed whole. */
    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private int toInt(long value, String name) {
        if (value > Integer.MAX_VALUE) {
            throw new InvalidInputException(path(name), name + " is too large: " + value);
        }
        return (int) value;
    }
}
