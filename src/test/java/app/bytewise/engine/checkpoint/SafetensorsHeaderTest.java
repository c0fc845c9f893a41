package app.bytewise.engine.checkpoint;

import static app.bytewise.engine.checkpoint.SafetensorsBytes.claiming;
import static app.bytewise.engine.checkpoint.SafetensorsBytes.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.bytewise.engine.InvalidInputException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetensorsHeaderTest {

    private static final String FIELD = "file";

    /**
     * The file in the doc comment of {@code SafeTensors::deserialize} (safetensors/src/tensor.rs):
     * {@code <\x00...{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}} and 16 zero bytes.
     * 0x3c = 60 is the JSON's length; written here as hex, not by our writer.
     */
    @Test
    void readsTheReferenceReadersOwnExample() {
        byte[] bytes = HexFormat.of().parseHex("3c00000000000000"
                + "7b2274657374223a7b226474797065223a22493332222c227368617065223a5b322c325d2c"
                + "22646174615f6f666673657473223a5b302c31365d7d7d"
                + "00000000000000000000000000000000");
        SafetensorsHeader header = SafetensorsHeader.read(bytes, FIELD);
        assertThat(header.headerSize()).isEqualTo(60);
        assertThat(header.tensors()).containsExactly(
                new SafetensorsTensor("test", SafetensorsDtype.I32, List.of(2L, 2L), 0, 16));
        assertThat(header.dataOffset()).isEqualTo(68);
        assertThat(header.fileSize()).isEqualTo(bytes.length);
    }

    /** Llama 3 8B's embedding, BF16 [128256, 4096]: 128,256 × 4,096 × 2 = 1,050,673,152 bytes. */
    @Test
    void readsTensorsInOffsetOrderWithTheirSizesAndTotals() {
        String json = """
                {"__metadata__": {"format": "pt"},
                 "model.norm.weight": {"dtype": "F32", "shape": [4096], "data_offsets": [1050673152, 1050689536]},
                 "model.embed_tokens.weight": {"dtype": "BF16", "shape": [128256, 4096],
                                               "data_offsets": [0, 1050673152]},
                 "lm_head.scales": {"dtype": "F8_E4M3", "shape": [2, 3], "data_offsets": [1050689536, 1050689542]},
                 "empty": {"dtype": "F16", "shape": [0, 4096], "data_offsets": [1050689542, 1050689542]},
                 "scalar": {"dtype": "F64", "shape": [], "data_offsets": [1050689542, 1050689550],
                            "unknown_field": {"ignored": [1, 2]}}}   \s""";
        SafetensorsHeader header = SafetensorsHeader.read(file(json), FIELD);

        assertThat(header.metadata()).isEqualTo(Map.of("format", "pt"));
        assertThat(header.tensors()).extracting(SafetensorsTensor::name).containsExactly(
                "model.embed_tokens.weight", "model.norm.weight", "lm_head.scales", "empty", "scalar");
        assertThat(header.tensors().getFirst().bytes()).isEqualTo(1_050_673_152L);
        assertThat(header.tensors().getFirst().elements()).isEqualTo(525_336_576L);
        assertThat(header.bytesByDtype()).containsExactly(Map.entry(SafetensorsDtype.BF16, 1_050_673_152L),
                Map.entry(SafetensorsDtype.F32, 16_384L), Map.entry(SafetensorsDtype.F8_E4M3, 6L),
                Map.entry(SafetensorsDtype.F16, 0L), Map.entry(SafetensorsDtype.F64, 8L));
        assertThat(header.bytesByType()).containsEntry("BF16", 1_050_673_152L);
        assertThat(header.totalBytes()).isEqualTo(1_050_689_550L);
        assertThat(header.totalElements()).isEqualTo(525_336_576L + 4096 + 6 + 0 + 1);
        assertThat(header.dataSize()).isEqualTo(1_050_689_550L);
    }

    /** F4 is 4 bits (Dtype::bitsize): 4 values fill 2 bytes, 3 values no whole byte. */
    @Test
    void sizesSubByteDtypesInBits() {
        SafetensorsHeader header = SafetensorsHeader.read(
                file("{\"w\":{\"dtype\":\"F4\",\"shape\":[2,2],\"data_offsets\":[0,2]}}"), FIELD);
        assertThat(header.totalBytes()).isEqualTo(2);
        assertInvalid(file("{\"w\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}"),
                "3 F4 values, which do not fill whole bytes");
        assertThat(SafetensorsHeader.read(file("{\"w\":{\"dtype\":\"F6_E2M3\",\"shape\":[4],\"data_offsets\":[0,3]}}"),
                FIELD).totalBytes()).isEqualTo(3);
    }

    @Test
    void saysExactlyHowMuchToUploadWhenTheHeaderIsLongerThanThePrefix() {
        TruncatedHeaderException e = (TruncatedHeaderException) catchThrowable(
                () -> SafetensorsHeader.read(claiming(1_234_567, 1000), FIELD));
        assertThat(e).hasMessage("The header is 1,234,567 bytes; upload at least the first 1,234,575 bytes: "
                + "head -c 2M model.safetensors");
        assertThat(e.bytesNeeded()).isEqualTo(1_234_575);
        assertThat(e.bytesUploaded()).isEqualTo(1008);
        assertThat(e.field()).isEqualTo(FIELD);
        assertThat(catchThrowable(() -> SafetensorsHeader.read(new byte[5], FIELD)))
                .isInstanceOf(TruncatedHeaderException.class).hasMessageContaining("only 5 bytes");
    }

    @Test
    void refusesHeaderLengthsPastTheReferenceLimitWithoutAllocating() {
        assertInvalid(claiming(Long.MIN_VALUE, 8), "9223372036854775808 bytes"); // 2^63
        assertInvalid(claiming(-1, 8), "18446744073709551615 bytes"); // 2^64 - 1
        assertInvalid(claiming(100_000_001, 8), "refuses headers over 100,000,000 bytes");
        // exactly MAX_HEADER_SIZE is allowed, so this is a request for more bytes
        assertThat(catchThrowable(() -> SafetensorsHeader.read(claiming(100_000_000, 8), FIELD)))
                .isInstanceOf(TruncatedHeaderException.class).hasMessageContaining("head -c 128M");
        assertThat(catchThrowable(() -> SafetensorsHeader.read(claiming(10_000_000, 8), FIELD, 8 << 20)))
                .isNotInstanceOf(TruncatedHeaderException.class).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than the 8,388,608 bytes Bytewise accepts");
        assertInvalid(GgufBytes.header(3, 0, 0).bytes(), "This is a GGUF file");
    }

    @Test
    void refusesOffsetsThatOverlapOrLeaveAGap() {
        assertInvalid(file("""
                {"a": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]},
                 "b": {"dtype": "U8", "shape": [4], "data_offsets": [2, 6]}}"""),
                "Tensor \"b\" starts at byte 2 and overlaps the tensor before it, which ends at 4");
        assertInvalid(file("""
                {"a": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]},
                 "b": {"dtype": "U8", "shape": [4], "data_offsets": [8, 12]}}"""), "leaves a gap");
        assertInvalid(file("{\"a\": {\"dtype\": \"U8\", \"shape\": [4], \"data_offsets\": [4, 8]}}"), "leaves a gap");
        assertInvalid(file("{\"a\": {\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [0, 0]},"
                + "\"b\": {\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [4, 0]}}"), "the end comes before the begin");
    }

    @Test
    void refusesASizeThatDoesNotMatchShapeAndDtype() {
        assertInvalid(file("{\"w\": {\"dtype\": \"BF16\", \"shape\": [2, 3], \"data_offsets\": [0, 6]}}"),
                "Tensor \"w\" is BF16 [2, 3], which takes 12 bytes, but its data_offsets span 6.");
    }

    @Test
    void refusesUnknownDtypesAndMalformedTensors() {
        assertInvalid(file("{\"w\": {\"dtype\": \"Q4_K\", \"shape\": [1], \"data_offsets\": [0, 1]}}"),
                "dtype \"Q4_K\", which safetensors does not define");
        assertInvalid(file("{\"w\": {\"dtype\": \"bf16\", \"shape\": [1], \"data_offsets\": [0, 2]}}"),
                "does not define"); // serde matches variant names exactly
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [1,1,1,1,1,1,1,1,1], \"data_offsets\": [0, 1]}}"),
                "shape has more than 8 entries");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [4294967296, 4294967296], \"data_offsets\": [0, 1]}}"),
                "the product passes 2^63");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [-1], \"data_offsets\": [0, 1]}}"), "negative");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [1.5], \"data_offsets\": [0, 1]}}"), "whole number");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [1], \"data_offsets\": [0, 18446744073709551616]}}"),
                "past the largest size");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [1]}}"), "lacks data_offsets");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [1], \"data_offsets\": [0, 1, 2]}}"), "more than 2");
        assertInvalid(file("{\"w\": [1, 2]}"), "must be an object");
        assertInvalid(file("{\"__metadata__\": {\"n\": 1}}"), "__metadata__ values must be strings");
        assertInvalid(file("{\"a\": {\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [0, 0]},"
                + "\"a\": {\"dtype\": \"U8\", \"shape\": [0], \"data_offsets\": [0, 0]}}"), "Duplicate");
        assertInvalid(file("[]"), "is a JSON object");
        assertInvalid(file("{} {}"), "content after its closing brace");
        assertInvalid(file("{\"w\": "), "not valid JSON");
        byte[] badUtf8 = file("{\"\u00e9\": 1}");
        badUtf8[10] = (byte) 0xFF;
        assertInvalid(badUtf8, "The header is not valid UTF-8: bad bytes at offset 2 of the JSON.");
    }

    @Test
    void boundsNestingDepthAgainstAMillionBrackets() {
        assertInvalid(file("{\"w\": {\"x\": " + "[".repeat(1_000_000)), "nests deeper than 4 levels");
        assertInvalid(file("[".repeat(1_000_000)), "is a JSON object"); // refused at the first bracket
        assertInvalid(file("{\"w\": {\"x\": {\"y\": {\"z\": {}}}}}"), "nests deeper than 4 levels");
    }

    @Test
    void boundsTheNumberOfKeys() {
        StringBuilder metadata = new StringBuilder("{\"__metadata__\": {");
        for (int i = 0; i < 1_000_000; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertInvalid(file(metadata.append("}}").toString()), "__metadata__ has more than 10,000 entries");

        StringBuilder tensors = new StringBuilder("{");
        for (int i = 0; i <= SafetensorsJson.MAX_TENSORS; i++) {
            tensors.append(i == 0 ? "" : ",").append("\"t").append(i)
                    .append("\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[").append(i).append(',')
                    .append(i + 1).append("]}");
        }
        assertInvalid(file(tensors.append('}').toString()), "more than 200,000 tensors");
    }

    @Test
    void boundsTokensNumbersAndNames() {
        String zeros = "0,".repeat(5_000_000);
        assertInvalid(file("{\"w\": {\"skipped\": [" + zeros + "0]}}"), "more than 5,000,000 JSON tokens");
        assertInvalid(file("{\"w\": {\"dtype\": \"U8\", \"shape\": [" + "1".repeat(25) + "]}}"),
                "a number of more than 24 digits");
        assertInvalid(file("{\"" + "k".repeat(70_000) + "\": {}}"), "a key longer than 65,536 characters");
    }

    /** Every prefix of a valid file either reads (once the header is all there) or asks for more. */
    @Test
    void everyPrefixReadsOrAsksForMore() {
        byte[] whole = file("""
                {"__metadata__":{"format":"pt"},"a":{"dtype":"BF16","shape":[2,2],"data_offsets":[0,8]},
                 "b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""", 12);
        int headerEnd = whole.length - 12;
        for (int length = 0; length <= whole.length; length++) {
            byte[] prefix = java.util.Arrays.copyOf(whole, length);
            if (length < headerEnd) {
                assertThatThrownBy(() -> SafetensorsHeader.read(prefix, FIELD)).as("prefix %d", length)
                        .isInstanceOf(TruncatedHeaderException.class);
            } else {
                assertThat(SafetensorsHeader.read(prefix, FIELD).totalBytes()).isEqualTo(12);
            }
        }
    }

    /** Corrupting any single byte of a file gives a reading or an InvalidInputException, nothing else. */
    @Test
    void flippingAnyByteNeverThrowsAnythingElse() {
        byte[] whole = file("{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", 16);
        for (int flip = 0; flip < whole.length; flip++) {
            for (int mask : new int[] {0x01, 0x5A, 0x80, 0xFF}) {
                byte[] broken = java.util.Arrays.copyOf(whole, whole.length);
                broken[flip] ^= (byte) mask;
                Throwable thrown = catchThrowable(() -> SafetensorsHeader.read(broken, FIELD));
                if (thrown != null) {
                    assertThat(thrown).as("byte %d ^ %x", flip, mask).isInstanceOf(InvalidInputException.class);
                }
            }
        }
    }

    private static void assertInvalid(byte[] bytes, String message) {
        assertThat(catchThrowable(() -> SafetensorsHeader.read(bytes, FIELD)))
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(TruncatedHeaderException.class)
                .hasMessageContaining(message)
                .extracting(t -> ((InvalidInputException) t).field()).isEqualTo(FIELD);
    }
}
