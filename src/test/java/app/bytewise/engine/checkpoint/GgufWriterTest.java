package app.bytewise.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufWriterTest {

    /**
     * The same file {@link GgufHeaderTest#readsAFileWrittenFromTheSpec} spells out byte by byte from
     * ggml/docs/gguf.md: one string key, one Q4_K tensor of 256 × 2; 122 header bytes padded to 128.
     */
    @Test
    void writesTheBytesOfTheSpec() {
        byte[] spec = HexFormat.of().parseHex(
                "47475546" + "03000000" + "0100000000000000" + "0100000000000000"
                        + "1400000000000000" + "67656e6572616c2e617263686974656374757265"
                        + "08000000" + "0500000000000000" + "6c6c616d61"
                        + "0d00000000000000" + "6f75747075742e776569676874"
                        + "02000000" + "0001000000000000" + "0200000000000000"
                        + "0c000000" + "0000000000000000");
        GgufWriter writer = new GgufWriter().string("general.architecture", "llama")
                .tensor("output.weight", GgufTensorType.Q4_K, 256, 2);

        assertThat(writer.header()).isEqualTo(Arrays.copyOf(spec, 128));
        assertThat(writer.fileSize()).isEqualTo(128 + 2 * 144);
    }

    @Test
    void roundTripsThroughTheReader() {
        GgufWriter writer = new GgufWriter()
                .string("general.architecture", "llama")
                .u32("llama.block_count", 32)
                .i32("test.negative", -7)
                .u64("test.big", 1L << 40)
                .f32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .bool("tokenizer.ggml.add_bos_token", true)
                .strings("tokenizer.ggml.tokens", List.of("<s>", "</s>", "é"))
                .ints("tokenizer.ggml.token_type", List.of(3, 3, -1))
                .floats("tokenizer.ggml.scores", List.of(0f, -1.5f, 2.25f))
                .tensor("a.weight", GgufTensorType.F32, 3)
                .tensor("b.weight", GgufTensorType.Q8_0, 64, 2)
                .tensor("c.weight", GgufTensorType.F16, 5, 3);
        byte[] header = writer.header();

        GgufHeader read = GgufHeader.read(header, "file");

        assertThat(read.version()).isEqualTo(3);
        Map<String, GgufValue> expected = new LinkedHashMap<>();
        expected.put("general.architecture", new GgufValue.Text("llama"));
        expected.put("llama.block_count", new GgufValue.Int(GgufValueType.UINT32, 32));
        expected.put("test.negative", new GgufValue.Int(GgufValueType.INT32, -7));
        expected.put("test.big", new GgufValue.Int(GgufValueType.UINT64, 1L << 40));
        expected.put("llama.attention.layer_norm_rms_epsilon", new GgufValue.Real(GgufValueType.FLOAT32, 1e-5f));
        expected.put("tokenizer.ggml.add_bos_token", new GgufValue.Bool(true));
        expected.put("tokenizer.ggml.tokens", new GgufValue.Array(GgufValueType.STRING, 3,
                List.of(new GgufValue.Text("<s>"), new GgufValue.Text("</s>"), new GgufValue.Text("é"))));
        expected.put("tokenizer.ggml.token_type", new GgufValue.Array(GgufValueType.INT32, 3,
                List.of(i32(3), i32(3), i32(-1))));
        expected.put("tokenizer.ggml.scores", new GgufValue.Array(GgufValueType.FLOAT32, 3,
                List.of(f32(0), f32(-1.5f), f32(2.25f))));
        assertThat(read.metadata()).containsExactlyEntriesOf(expected);
        // Sizes from ggml-common.h: F32 4 bytes, Q8_0 34 per 32 values, F16 2. Each padded to 32.
        assertThat(read.tensors()).containsExactly(
                new GgufTensor("a.weight", GgufTensorType.F32, List.of(3L), 0, 3, 12),
                new GgufTensor("b.weight", GgufTensorType.Q8_0, List.of(64L, 2L), 32, 128, 136),
                new GgufTensor("c.weight", GgufTensorType.F16, List.of(5L, 3L), 192, 15, 30));
        assertThat(read.dataOffset()).isEqualTo(header.length).isEqualTo(header.length / 32 * 32);
        assertThat(read.dataSize()).isEqualTo(32 + 160 + 32).isEqualTo(writer.dataSize());
        assertThat(writer.tensorBytes()).isEqualTo(12 + 136 + 30);
    }

    @Test
    void writesTheHeaderAndLeavesTheDataAHole(@TempDir Path dir) throws IOException {
        // A 7B-sized F16 tensor: 4096 × 32000 × 2 bytes, which no test should have to write.
        GgufWriter writer = new GgufWriter().u32("general.alignment", 64)
                .tensor("norm.weight", GgufTensorType.F32, 4096)
                .tensor("token_embd.weight", GgufTensorType.F16, 4096, 32000);
        Path file = writer.write(dir.resolve("model.gguf"));

        byte[] header = writer.header();
        assertThat(header.length % 64).isZero();
        assertThat(Files.size(file)).isEqualTo(header.length + 16_384 + 262_144_000L);
        byte[] start = readPrefix(file, header.length);
        assertThat(start).isEqualTo(header);
        GgufHeader read = GgufHeader.read(start, "file");
        assertThat(read.alignment()).isEqualTo(64);
        assertThat(read.fileSize()).isEqualTo(Files.size(file));
    }

    @Test
    void refusesWhatGgmlCannotStore() {
        assertThatThrownBy(() -> new GgufWriter().tensor("q.weight", GgufTensorType.Q8_0, 48, 2))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("block size 32");
        assertThatThrownBy(() -> new GgufWriter().u32("general.alignment", 48))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new GgufWriter().tensor("x", GgufTensorType.F32, 1).tensor("x", GgufTensorType.F32, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Two tensors");
        assertThatThrownBy(() -> new GgufWriter().tensor("x", GgufTensorType.F32, 1, 1, 1, 1, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimensions");
        assertThatThrownBy(() -> new GgufWriter().tensor("x", GgufTensorType.F32, 1L << 32, 1L << 32))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2^63");
    }

    private static GgufValue i32(int value) {
        return new GgufValue.Int(GgufValueType.INT32, value);
    }

    private static GgufValue f32(float value) {
        return new GgufValue.Real(GgufValueType.FLOAT32, value);
    }

    private static byte[] readPrefix(Path file, int length) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }
}
