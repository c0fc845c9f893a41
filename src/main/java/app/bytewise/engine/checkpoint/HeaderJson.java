package app.bytewise.engine.checkpoint;

import app.bytewise.engine.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Streaming JSON for the safetensors header and index: nothing but the records kept is built, and
 * Jackson's own limits stop a hostile document (deep nesting, endless tokens, huge numbers) while
 * it is being read, before anything grows with it.
 */
final class HeaderJson {

    /** Jackson's parse limits, set for what a checkpoint header can hold and no more. */
    record Limits(int depth, long document, long tokens, int string, int name, int number) {

        JsonFactory factory() {
            return JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(depth)
                            .maxDocumentLength(document)
                            .maxTokenCount(tokens)
                            .maxStringLength(string)
                            .maxNameLength(name)
                            .maxNumberLength(number)
                            .build())
                    // The safetensors README: "Duplicate keys are disallowed."
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // Tensor names are nearly all distinct, so a symbol table only grows: measured on
                    // an 8 MB header, canonicalizing allocated 13 times what plain strings do.
                    .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                    .build();
        }
    }

    private HeaderJson() {
    }

    /** Turns Jackson's failure into a message that names the limit, not Jackson's internals. */
    static InvalidInputException invalid(String field, String what, Limits limits, JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            String original = String.valueOf(e.getOriginalMessage());
            String bound;
            if (original.contains("nesting depth")) {
                bound = "it nests deeper than " + limits.depth() + " levels";
            } else if (original.contains("Token count")) {
                bound = "it has more than " + TruncatedHeaderException.bytes(limits.tokens()) + " JSON tokens";
            } else if (original.contains("Number value length")) {
                bound = "it has a number of more than " + limits.number() + " digits";
            } else if (original.contains("Name length")) {
                bound = "it has a key longer than " + TruncatedHeaderException.bytes(limits.name()) + " characters";
            } else if (original.contains("String value length")) {
                bound = "it has a string longer than " + TruncatedHeaderException.bytes(limits.string()) + " characters";
            } else {
                bound = "it is larger than " + TruncatedHeaderException.bytes(limits.document()) + " bytes";
            }
            return new InvalidInputException(field, "This " + what + " is not one Bytewise reads: " + bound
                    + ", more than any real " + what + " has.");
        }
        return new InvalidInputException(field, "The " + what + " is not valid JSON: " + e.getOriginalMessage());
    }

    /**
     * The reference reader checks the whole header is UTF-8 ({@code core::str::from_utf8}) before
     * parsing; Jackson, with name canonicalizing off, passes bad bytes in keys through. Decodes in
     * 8 KB pieces so the check allocates nothing in proportion to the header.
     */
    static void requireUtf8(byte[] bytes, int offset, int length, String field) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw new InvalidInputException(field, "The header is not valid UTF-8: bad bytes at offset "
                        + (in.position() - offset) + " of the JSON.");
            }
            out.clear();
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    /** Reads a non-negative integer that fits a long (u64 values past 2^63 - 1 are refused, not wrapped). */
    static long unsigned(JsonParser parser, String field, String what) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidInputException(field, what + " must be a whole number, got " + describe(parser) + ".");
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new InvalidInputException(field, what + " is " + parser.getString()
                    + ", past the largest size Bytewise handles (2^63 - 1).");
        }
        long value = parser.getLongValue();
        if (value < 0) {
            throw new InvalidInputException(field, what + " must not be negative, got " + value + ".");
        }
        return value;
    }

    static String describe(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the header";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + shorten(parser.getString()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(parser.getString());
            case VALUE_TRUE, VALUE_FALSE -> parser.getString();
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
