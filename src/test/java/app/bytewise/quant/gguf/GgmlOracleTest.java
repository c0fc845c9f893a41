package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.OracleVectors;
import app.bytewise.quant.BlockCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every case of every oracle file produced by llama.cpp's own quantizers: our encoding must equal
 * theirs byte for byte and our decoding bit pattern for bit pattern (so -0.0 vs +0.0 counts).
 */
class GgmlOracleTest {

    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode file : oracleFiles()) {
            String type = file.get("type").stringValue();
            for (JsonNode c : file.get("cases")) {
                all.add(Arguments.of(type, c.get("name").stringValue(), c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesLlamaCpp(String type, String caseName, JsonNode c) {
        BlockCodec codec = GgufCodecs.of(type);
        float[] input = floats(c.get("input_f32_hex").stringValue());
        assertThat(input).hasSize(c.get("n").intValue());

        // IQ4_NL's _ref output is undefined for all-zero blocks (stale stack bytes): those are null.
        JsonNode encoded = c.get("encoded_hex");
        if (encoded != null && !encoded.isNull()) {
            byte[] expected = HEX.parseHex(encoded.stringValue());
            assertThat(HEX.formatHex(codec.encode(input))).as("encode").isEqualTo(encoded.stringValue());
            assertBits(codec.decode(expected, input.length), c.get("dequant_f32_hex").stringValue());
        }

        if (codec instanceof IQ4_NLCodec iq4) {
            // The chunk fields hold quantize_iq4_nl's output (what llama-quantize writes).
            JsonNode chunk = c.has("chunk_encoded_hex") ? c.get("chunk_encoded_hex") : encoded;
            JsonNode chunkDequant = c.has("chunk_dequant_f32_hex")
                    ? c.get("chunk_dequant_f32_hex") : c.get("dequant_f32_hex");
            assertThat(HEX.formatHex(iq4.encodeChunk(input))).as("chunk encode").isEqualTo(chunk.stringValue());
            assertBits(codec.decode(HEX.parseHex(chunk.stringValue()), input.length), chunkDequant.stringValue());
        }

        // The IQ files: quantize_<type> with the case's importance per value, as llama-quantize with an imatrix.
        JsonNode weighted = c.get("imatrix_encoded_hex");
        if (weighted != null && !weighted.isNull()) {
            float[] importance = floats(c.get("imatrix_f32_hex").stringValue());
            assertThat(codec).isInstanceOf(ImatrixCodec.class);
            assertThat(HEX.formatHex(((ImatrixCodec) codec).encode(input, importance))).as("encode with imatrix")
                    .isEqualTo(weighted.stringValue());
            assertBits(codec.decode(HEX.parseHex(weighted.stringValue()), input.length),
                    c.get("imatrix_dequant_f32_hex").stringValue());
        }
    }

    @Test
    void everyOracleTypeHasACodecWithItsBlockGeometry() {
        List<JsonNode> files = oracleFiles();
        assertThat(files).hasSize(GgufCodecs.values().length);
        for (JsonNode file : files) {
            BlockCodec codec = GgufCodecs.of(file.get("type").stringValue());
            assertThat(codec.name()).isEqualTo(file.get("type").stringValue());
            assertThat(codec.blockSize()).as(codec.name()).isEqualTo(file.get("block_size").intValue());
            assertThat(codec.bytesPerBlock()).as(codec.name()).isEqualTo(file.get("bytes_per_block").intValue());
        }
    }

    private static void assertBits(float[] actual, String expectedHex) {
        float[] expected = floats(expectedHex);
        assertThat(actual).hasSize(expected.length);
        // Hex of the raw bits: a mismatch then shows the index and both patterns, signed zeros included.
        assertThat(hex(actual)).as("decode").isEqualTo(hex(expected));
    }

    private static List<String> hex(float[] v) {
        List<String> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(String.format("%08x", Float.floatToRawIntBits(f)));
        }
        return out;
    }

    private static float[] floats(String hex) {
        float[] v = new float[hex.length() / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(hex, 8 * i, 8 * i + 8, 16));
        }
        return v;
    }

    private static List<JsonNode> oracleFiles() {
        return OracleVectors.all("ggml");
    }
}
