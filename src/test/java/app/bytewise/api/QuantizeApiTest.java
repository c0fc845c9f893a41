package app.bytewise.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.OracleVectors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/v1/quantize over HTTP, checked against the llama.cpp and bitsandbytes vectors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuantizeApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @ParameterizedTest
    @CsvSource({"q4_0, gguf:Q4_0", "q4_k, gguf:Q4_K", "q6_k, gguf:Q6_K"})
    void ggufBytesThroughTheApiAreLlamaCppsBytes(String file, String format) throws Exception {
        JsonNode oracle = OracleVectors.read("ggml", file + ".json").get("cases").get(0);
        ObjectNode body = request(format, floats(oracle.get("input_f32_hex").stringValue()));
        body.putArray("return").add("encoded");
        JsonNode answer = JSON.readTree(post(body).body());
        assertThat(answer.get("encodedHex").stringValue()).isEqualTo(oracle.get("encoded_hex").stringValue());
        assertThat(answer.get("metrics").get("sqnrDb").doubleValue()).isPositive();
    }

    @Test
    void nf4PackedCodesAndAbsmaxAreBitsandbytes() throws Exception {
        JsonNode oracle = OracleVectors.read("bnb", "nf4.json").get("cases").get(0);
        ArrayNode values = JSON.createArrayNode();
        for (JsonNode hex : oracle.get("input_f32_hex")) {
            values.add(Float.intBitsToFloat(Integer.parseUnsignedInt(hex.stringValue(), 16)));
        }
        ObjectNode body = request("nf4", values);
        body.putArray("return").add("encoded");
        JsonNode answer = JSON.readTree(post(body).body());
        assertThat(answer.get("encodedHex").stringValue()).isEqualTo(oracle.get("packed_hex").stringValue());
        assertThat(Float.floatToRawIntBits(answer.get("absmax").get(0).floatValue()))
                .isEqualTo(Integer.parseUnsignedInt(oracle.get("absmax_f32_hex").get(0).stringValue(), 16));
        assertThat(answer.get("bitsPerWeight").doubleValue()).isEqualTo(4.5);
    }

    /**
     * The OCP MXFP4 block worked in MxCodecTest: amax 6 gives scale byte 0x7F, the codes 0xF7 0x15
     * 0x20 0x46 and twelve zero bytes; the answer's bytes are the elements then the scale.
     */
    @Test
    void mxfp4BytesThroughTheApiAreTheSpecsBytes() throws Exception {
        ArrayNode values = JSON.createArrayNode();
        float[] head = {6, -6, 3, 0.5f, 0.25f, 0.75f, 5, 1.75f};
        for (int i = 0; i < 32; i++) {
            values.add(i < head.length ? head[i] : 0f);
        }
        ObjectNode body = request("mx:fp4", values);
        body.putArray("return").add("encoded");
        JsonNode answer = JSON.readTree(post(body).body());
        assertThat(answer.get("encodedHex").stringValue()).isEqualTo("f7152046" + "00".repeat(12) + "7f");
        assertThat(answer.get("bitsPerWeight").doubleValue()).isEqualTo(4.25);
        assertThat(answer.get("scheme").stringValue()).isEqualTo("MXFP4");
    }

    @Test
    void gptqOnAGeneratedLayerReportsTheOutputError() throws Exception {
        HttpResponse<String> response = post(JSON.readTree("""
                {"format": "int4", "method": "gptq", "granularity": "group", "groupSize": 64, "symmetric": false,
                 "tensor": {"kind": "gaussian", "rows": 64, "cols": 128, "seed": 7},
                 "inputs": {"kind": "activations", "rows": 256, "cols": 128, "seed": 8}}"""));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("scheme").stringValue()).startsWith("GPTQ");
        assertThat(answer.get("outputError").get("relativeFrobeniusError").doubleValue()).isBetween(0.0, 0.5);
        assertThat(answer.get("histograms").get("error").get("counts").size()).isEqualTo(64);
        assertThat(answer.has("dequantized")).isFalse();
    }

    @Test
    void hqqRunsThroughTheApiAndReturnsItsPackedCodes() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"format": "int4", "method": "hqq", "granularity": "group", "groupSize": 64,
                 "tensor": {"kind": "gaussian", "rows": 32, "cols": 128, "seed": 7}}""");
        body.putArray("return").add("encoded");
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("scheme").stringValue()).isEqualTo("HQQ 4-bit, group 64");
        assertThat(answer.get("bitsPerWeight").doubleValue()).isEqualTo(4.5);
        // W_q packed two codes a byte: 32 · 128 / 2 bytes, two hex digits each.
        assertThat(answer.get("encodedHex").stringValue()).hasSize(32 * 128);
        assertThat(answer.get("metrics").get("cosineSimilarity").doubleValue()).isGreaterThan(0.99);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"format\": \"int9\", \"values\": [1, 2], \"rows\": 1, \"cols\": 2}|format",
        "{\"format\": \"gguf:Q4_K\", \"tensor\": {\"rows\": 2, \"cols\": 100}}|cols",
        "{\"format\": \"int8\", \"values\": [1], \"tensor\": {\"rows\": 1, \"cols\": 1}}|values",
        "{\"format\": \"int8\", \"values\": [1, 2, 3], \"rows\": 2, \"cols\": 2}|values",
        "{\"format\": \"int8\", \"tensor\": {\"rows\": 5000, \"cols\": 5000}}|tensor.rows",
        "{\"format\": \"int8\", \"tensor\": {\"kind\": \"cauchy\", \"rows\": 2, \"cols\": 2}}|tensor.kind",
        "{\"format\": \"int8\", \"method\": \"magic\", \"tensor\": {\"rows\": 2, \"cols\": 2}}|method",
        "{\"format\": \"int8\", \"tensor\": {\"rows\": 2, \"cols\": 2}, \"return\": [\"everything\"]}|return",
        "{\"format\": \"int8\", \"values\": [1, \"x\"], \"rows\": 1, \"cols\": 2}|values[1]",
        // Each side is capped, not only the product: GPTQ's Hessian alone would be 16,777,216².
        "{\"format\": \"int4\", \"method\": \"gptq\", \"tensor\": {\"rows\": 1, \"cols\": 16777216}}|tensor.cols",
        "{\"format\": \"int8\", \"tensor\": {\"rows\": 16777216, \"cols\": 1}}|tensor.rows",
        "{\"format\": \"int4\", \"method\": \"awq\", \"tensor\": {\"rows\": 64, \"cols\": 64},"
            + " \"inputs\": {\"rows\": 100000, \"cols\": 64}}|inputs.rows",
        "{\"format\": \"int4\", \"method\": \"awq\", \"tensor\": {\"rows\": 64, \"cols\": 64},"
            + " \"inputs\": {\"rows\": 64, \"cols\": 32}}|inputs.cols",
        "{\"format\": \"int8\", \"values\": [1, 2, 3, 4], \"rows\": 1, \"cols\": 5000}|cols",
        "{\"format\": \"int8\", \"values\": [], \"rows\": 1, \"cols\": 1}|values",
        // Answers are bounded too: these would be about 256 MiB and 17 MiB of JSON.
        "{\"format\": \"int8\", \"tensor\": {\"rows\": 4096, \"cols\": 4096}, \"return\": [\"dequantized\"]}|return",
        "{\"format\": \"gguf:Q8_0\", \"tensor\": {\"rows\": 4096, \"cols\": 2048}, \"return\": [\"encoded\"]}|return"})
    void badRequestsNameTheField(String body, String field) throws Exception {
        HttpResponse<String> response = post(JSON.readTree(body));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("field").stringValue()).isEqualTo(field);
    }

    @Test
    void anOversizedAnswerIsRefusedWithItsSizeAndAFittingOneIsServed() throws Exception {
        HttpResponse<String> refused = post(JSON.readTree("""
                {"format": "int8", "tensor": {"rows": 1024, "cols": 1024}, "return": ["dequantized"]}"""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").stringValue()).isEqualTo("return \"dequantized\" on "
                + "1024 × 1024 would make an answer of about 16.0 MiB; answers are at most 8 MiB. Leave it out, or ask "
                + "for it on a smaller tensor.");
        HttpResponse<String> served = post(JSON.readTree("""
                {"format": "gguf:Q4_K", "tensor": {"rows": 256, "cols": 1024}, "return": ["encoded", "dequantized"],
                 "bins": 1024}"""));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body().length()).isLessThan(8 * 1024 * 1024);
        assertThat(JSON.readTree(served.body()).get("dequantized").size()).isEqualTo(256 * 1024);
    }

    private static ObjectNode request(String format, ArrayNode values) {
        ObjectNode body = JSON.createObjectNode();
        body.put("format", format);
        body.set("values", values);
        body.put("rows", 1);
        body.put("cols", values.size());
        return body;
    }

    private static ArrayNode floats(String hex) {
        ArrayNode values = JSON.createArrayNode();
        for (int i = 0; i < hex.length(); i += 8) {
            values.add(Float.intBitsToFloat(Integer.parseUnsignedInt(hex.substring(i, i + 8), 16)));
        }
        return values;
    }

    private HttpResponse<String> post(JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/quantize"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
