package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams the JSON of a safetensors header into tensor entries, with the shape of
 * {@code HashMetadata} in safetensors/src/tensor.rs: an object whose {@code __metadata__} maps
 * strings to strings and whose other keys are tensors {dtype, shape, data_offsets}. Unknown
 * keys inside a tensor are skipped, as serde does by default.
 */
final class SafetensorsJson {

    /** More tensors than any one file holds: the largest MoE checkpoints list about 10^5 in all their shards. */
    static final int MAX_TENSORS = 200_000;
    static final int MAX_METADATA_ENTRIES = 10_000;
    static final int MAX_RANK = 8;

    /**
     * Depth 3 is what a header uses (object, tensor object, shape array); one more leaves room and
     * no more. Strings up to 20 MB (Jackson's default) because training tools store megabytes of
     * metadata text. Tokens: about 25 per tensor at the tensor bound.
     */
    static final HeaderJson.Limits LIMITS = new HeaderJson.Limits(4, SafetensorsHeader.MAX_HEADER_SIZE,
            5_000_000, 20_000_000, 65_536, 24);

    private static final JsonFactory FACTORY = LIMITS.factory();

    record Parsed(Map<String, String> metadata, List<SafetensorsTensor> tensors) {
    }

    private final String field;
    private final JsonParser parser;

    private SafetensorsJson(String field, JsonParser parser) {
        this.field = field;
        this.parser = parser;
    }

    static Parsed parse(byte[] bytes, int offset, int length, String field) {
        HeaderJson.requireUtf8(bytes, offset, length, field);
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
            return new SafetensorsJson(field, parser).root();
        } catch (JacksonException e) {
            throw HeaderJson.invalid(field, "safetensors header", LIMITS, e);
        }
    }

    private Parsed root() {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw invalid("A safetensors header is a JSON object ({\"tensor\": {...}}), found "
                    + HeaderJson.describe(parser) + ".");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<SafetensorsTensor> tensors = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("__metadata__")) {
                metadata(metadata);
            } else {
                if (tensors.size() == MAX_TENSORS) {
                    throw invalid("The header lists more than " + TruncatedHeaderException.bytes(MAX_TENSORS)
                            + " tensors, more than any real checkpoint file.");
                }
                tensors.add(tensor(name));
            }
        }
        if (parser.nextToken() != null) {
            throw invalid("The header has content after its closing brace; only space padding may follow it.");
        }
        return new Parsed(metadata, tensors);
    }

    private void metadata(Map<String, String> metadata) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw invalid("__metadata__ must be an object of strings, found " + HeaderJson.describe(parser) + ".");
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            if (metadata.size() == MAX_METADATA_ENTRIES) {
                throw invalid("__metadata__ has more than " + TruncatedHeaderException.bytes(MAX_METADATA_ENTRIES)
                        + " entries, more than Bytewise reads.");
            }
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw invalid("__metadata__ values must be strings (the safetensors format allows no other JSON "
                        + "there), but \"" + HeaderJson.shorten(key) + "\" is " + HeaderJson.describe(parser) + ".");
            }
            metadata.put(key, parser.getString());
        }
    }

    private SafetensorsTensor tensor(String name) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw invalid(label(name) + " must be an object {\"dtype\", \"shape\", \"data_offsets\"}, found "
                    + HeaderJson.describe(parser) + ".");
        }
        SafetensorsDtype dtype = null;
        List<Long> shape = null;
        List<Long> offsets = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            switch (key) {
                case "dtype" -> dtype = dtype(name);
                case "shape" -> shape = numbers(name, "shape", MAX_RANK);
                case "data_offsets" -> offsets = numbers(name, "data_offsets", 2);
                default -> parser.skipChildren();
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            throw invalid(label(name) + " lacks " + (dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets") + ".");
        }
        if (offsets.size() != 2) {
            throw invalid(label(name) + " data_offsets must be [begin, end], got " + offsets + ".");
        }
        return new SafetensorsTensor(name, dtype, shape, offsets.get(0), offsets.get(1));
    }

    private SafetensorsDtype dtype(String name) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw invalid(label(name) + " dtype must be a string such as \"BF16\", found " + HeaderJson.describe(parser) + ".");
        }
        String text = parser.getString();
        return SafetensorsDtype.named(text).orElseThrow(() -> invalid(label(name) + " has dtype \""
                + HeaderJson.shorten(text) + "\", which safetensors does not define. Known dtypes: "
                + List.of(SafetensorsDtype.values()) + "."));
    }

    /** Messages are built only on failure: a header of 10^5 tensors should not build 10^5 labels. */
    private static String label(String name) {
        return "Tensor \"" + HeaderJson.shorten(name) + "\"";
    }

    private List<Long> numbers(String name, String key, int max) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw invalid(label(name) + " " + key + " must be an array of whole numbers, found " + HeaderJson.describe(parser) + ".");
        }
        List<Long> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (values.size() == max) {
                throw invalid(label(name) + " " + key + " has more than " + max + " entries.");
            }
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER && parser.getLongValue() >= 0) {
                values.add(parser.getLongValue());
            } else {
                HeaderJson.unsigned(parser, field, label(name) + " " + key); // throws the right message
            }
        }
        return values;
    }

    private InvalidInputException invalid(String message) {
        return new InvalidInputException(field, message);
    }
}
