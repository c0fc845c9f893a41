package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A sharded checkpoint's {@code model.safetensors.index.json}, as transformers writes it:
 * {"metadata": {"total_size": bytes, ...}, "weight_map": {tensor: shard file}}. It names every
 * tensor and its shard but no shapes; the shards' own headers give those.
 *
 * @param totalSize the bytes of tensor data over all shards, when the index states it
 * @param weightMap tensor name to shard file, in the index's order
 */
public record SafetensorsIndex(OptionalLong totalSize, Map<String, String> weightMap) {

    /** Entries over all shards; five times the largest MoE indexes (about 10^5 tensors). */
    static final int MAX_ENTRIES = 1_000_000;

    /** Depth 2 is what an index uses; a little room for unknown metadata, tokens ~2 per entry. */
    static final HeaderJson.Limits LIMITS = new HeaderJson.Limits(8, SafetensorsHeader.MAX_HEADER_SIZE,
            2 * MAX_ENTRIES + 10_000, 1_000_000, 65_536, 32);

    private static final JsonFactory FACTORY = LIMITS.factory();

    public SafetensorsIndex {
        weightMap = Collections.unmodifiableMap(new LinkedHashMap<>(weightMap));
    }

    public static SafetensorsIndex read(String json, String field) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException(field, "The index is empty; a model.safetensors.index.json is "
                    + "{\"metadata\": {...}, \"weight_map\": {...}}.");
        }
        if (json.length() > LIMITS.document()) {
            throw new InvalidInputException(field, "The index is " + TruncatedHeaderException.bytes(json.length())
                    + " characters, more than the " + TruncatedHeaderException.bytes(LIMITS.document())
                    + " Bytewise reads.");
        }
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            return read(parser, field);
        } catch (JacksonException e) {
            throw HeaderJson.invalid(field, "safetensors index", LIMITS, e);
        }
    }

    private static SafetensorsIndex read(JsonParser parser, String field) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException(field, "A model.safetensors.index.json is a JSON object, found "
                    + HeaderJson.describe(parser) + ".");
        }
        OptionalLong totalSize = OptionalLong.empty();
        Map<String, String> weightMap = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            switch (key) {
                case "metadata" -> totalSize = metadata(parser, field);
                case "weight_map" -> weightMap = weightMap(parser, field);
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new InvalidInputException(field, "The index has content after its closing brace.");
        }
        if (weightMap == null) {
            throw new InvalidInputException(field, "The index has no weight_map, the map of tensor names to shard "
                    + "files. Is this a model.safetensors.index.json?");
        }
        return new SafetensorsIndex(totalSize, weightMap);
    }

    private static OptionalLong metadata(JsonParser parser, String field) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return OptionalLong.empty();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException(field, "The index metadata must be an object, found "
                    + HeaderJson.describe(parser) + ".");
        }
        OptionalLong totalSize = OptionalLong.empty();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            if (key.equals("total_size")) {
                totalSize = OptionalLong.of(HeaderJson.unsigned(parser, field, "metadata.total_size"));
            } else {
                parser.skipChildren();
            }
        }
        return totalSize;
    }

    private static Map<String, String> weightMap(JsonParser parser, String field) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException(field, "weight_map must be an object of tensor name to file, found "
                    + HeaderJson.describe(parser) + ".");
        }
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>(); // one String per shard name, not one per tensor
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String tensor = parser.currentName();
            if (map.size() == MAX_ENTRIES) {
                throw new InvalidInputException(field, "weight_map lists more than "
                        + TruncatedHeaderException.bytes(MAX_ENTRIES) + " tensors, more than any real checkpoint.");
            }
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new InvalidInputException(field, "weight_map values are shard file names, but \""
                        + HeaderJson.shorten(tensor) + "\" maps to " + HeaderJson.describe(parser) + ".");
            }
            String file = parser.getString();
            map.put(tensor, files.computeIfAbsent(file, name -> name));
        }
        return map;
    }

    public List<String> tensorNames() {
        return List.copyOf(weightMap.keySet());
    }

    /** The shard files, in the order the index first names them. */
    public List<String> files() {
        return List.copyOf(new LinkedHashSet<>(weightMap.values()));
    }
}
