package app.bytewise.engine.checkpoint;

import static app.bytewise.engine.checkpoint.GgufBytes.ARRAY;
import static app.bytewise.engine.checkpoint.GgufBytes.INT32;
import static app.bytewise.engine.checkpoint.GgufBytes.STRING;
import static app.bytewise.engine.checkpoint.GgufBytes.UINT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.bytewise.engine.InvalidInputException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GgufHeaderTest {

    private static final String FIELD = "file";
    // ggml type ids, enum ggml_type in ggml.h
    private static final int F32 = 0;
    private static final int F16 = 1;
    private static final int Q4_K = 12;
    private static final int Q6_K = 14;
    private static final int MXFP4 = 39;

    /**
     * A GGUF v3 file written byte by byte from ggml/docs/gguf.md, not by {@link GgufBytes}: one
     * string key and one Q4_K tensor of 256 × 2. The header is 122 bytes, so the data starts at
     * 128, the next multiple of the default alignment 32; two 256-blocks of Q4_K are 2 × 144 bytes.
     */
    @Test
    void readsAFileWrittenFromTheSpec() {
        byte[] bytes = HexFormat.of().parseHex(
                "47475546" + "03000000" + "0100000000000000" + "0100000000000000" // magic, v3, 1 tensor, 1 kv
                        + "1400000000000000" + "67656e6572616c2e617263686974656374757265" // "general.architecture"
                        + "08000000" + "0500000000000000" + "6c6c616d61" // STRING "llama"
                        + "0d00000000000000" + "6f75747075742e776569676874" // "output.weight"
                        + "02000000" + "0001000000000000" + "0200000000000000" // 2 dims: 256, 2
                        + "0c000000" + "0000000000000000"); // GGML_TYPE_Q4_K, offset 0
        assertThat(bytes).hasSize(122);
        GgufHeader header = GgufHeader.read(bytes, FIELD);
        assertThat(header.version()).isEqualTo(3);
        assertThat(header.architecture()).hasValue("llama");
        assertThat(header.tensors()).containsExactly(
                new GgufTensor("output.weight", GgufTensorType.Q4_K, List.of(256L, 2L), 0, 512, 288));
        assertThat(header.alignment()).isEqualTo(32);
        assertThat(header.dataOffset()).isEqualTo(128);
        assertThat(header.dataSize()).isEqualTo(288);
        assertThat(header.fileSize()).isEqualTo(416);
    }

    /**
     * Sizes from ggml-common.h: Q4_K 144 bytes per 256, Q6_K 210 per 256, MXFP4 17 per 32, F16 2,
     * F32 4. Offsets are the running sums, each already a multiple of 32.
     */
    static GgufBytes llamaLike(int tokens) {
        GgufBytes g = GgufBytes.header(3, 5, 10)
                .kvString("general.architecture", "llama")
                .kvString("general.name", "tiny-llama")
                .kvU32("llama.block_count", 1)
                .kvU32("llama.context_length", 4096)
                .kvU32("llama.embedding_length", 256)
                .kvF32("llama.rope.freq_base", 500000f)
                .kvBool("tokenizer.ggml.add_bos_token", true)
                .kvStrings("tokenizer.ggml.tokens", IntStream.range(0, tokens).mapToObj(i -> "t" + i).toList())
                .kvArray("tokenizer.ggml.token_type", INT32, 3, w -> w.u32(1).u32(-2).u32(3))
                .kvArray("test.big_bytes", UINT8, 1500, w -> IntStream.range(0, 1500).forEach(w::u8));
        return g.tensor("token_embd.weight", Q4_K, 0, 256, 1000)
                .tensor("blk.0.attn_q.weight", Q6_K, 144_000, 256, 256)
                .tensor("output_norm.weight", F32, 197_760, 256)
                .tensor("blk.0.ffn_up.weight", F16, 198_784, 256, 512)
                .tensor("blk.0.ffn_gate_exps.weight", MXFP4, 460_928, 256, 64, 4);
    }

    @Test
    void readsALlamaLikeFile() {
        GgufBytes bytes = llamaLike(2000);
        GgufHeader header = GgufHeader.read(bytes.bytes(), FIELD);

        assertThat(header.architecture()).hasValue("llama");
        assertThat(header.string("general.name")).hasValue("tiny-llama");
        assertThat(header.uint("llama.block_count")).isEqualTo(OptionalLong.of(1));
        assertThat(header.architectureUint("embedding_length")).isEqualTo(OptionalLong.of(256));
        assertThat(header.uint("general.name")).isEmpty();
        assertThat(header.value("llama.rope.freq_base")).hasValue(new GgufValue.Real(GgufValueType.FLOAT32, 500000.0));
        assertThat(header.value("tokenizer.ggml.add_bos_token")).hasValue(new GgufValue.Bool(true));
        GgufValue.Array tokens = (GgufValue.Array) header.metadata().get("tokenizer.ggml.tokens");
        assertThat(tokens.elementType()).isEqualTo(GgufValueType.STRING);
        assertThat(tokens.length()).isEqualTo(2000);
        assertThat(tokens.complete()).isFalse();
        assertThat(header.metadata().get("tokenizer.ggml.token_type")).hasToString("[1, -2, 3]");
        assertThat(((GgufValue.Array) header.metadata().get("test.big_bytes")).length()).isEqualTo(1500);

        assertThat(header.tensors()).extracting(GgufTensor::bytes)
                .containsExactly(144_000L, 53_760L, 1_024L, 262_144L, 34_816L);
        assertThat(header.bytesPerType()).containsExactly(Map.entry(GgufTensorType.Q4_K, 144_000L),
                Map.entry(GgufTensorType.Q6_K, 53_760L), Map.entry(GgufTensorType.F32, 1_024L),
                Map.entry(GgufTensorType.F16, 262_144L), Map.entry(GgufTensorType.MXFP4, 34_816L));
        assertThat(header.bytesByType()).containsEntry("MXFP4", 34_816L);
        assertThat(header.totalBytes()).isEqualTo(495_744);
        assertThat(header.totalElements()).isEqualTo(256_000 + 65_536 + 256 + 131_072 + 65_536);
        assertThat(header.tensors().getLast().shape()).containsExactly(256L, 64L, 4L);
        assertThat(header.dataOffset()).isEqualTo((bytes.size() + 31) / 32 * 32);
        assertThat(header.dataSize()).isEqualTo(495_744);
    }

    /** ggml pads each tensor to the alignment: a 12-byte F32 [3] is followed by data at 32. */
    @Test
    void checksOffsetsAgainstPaddedSizesAndAlignment() {
        GgufHeader padded = GgufHeader.read(GgufBytes.header(3, 2, 0)
                .tensor("a", F32, 0, 3).tensor("b", F32, 32, 8).bytes(), FIELD);
        assertThat(padded.dataSize()).isEqualTo(64);
        assertInvalid(GgufBytes.header(3, 2, 0).tensor("a", F32, 0, 3).tensor("b", F32, 12, 8).bytes(),
                "Tensor 'b' has data offset 12, but the tensors before it end at 32 (padded to 32).");
        GgufHeader wide = GgufHeader.read(GgufBytes.header(3, 2, 1).kvU32("general.alignment", 64)
                .tensor("a", F32, 0, 3).tensor("b", F32, 64, 8).bytes(), FIELD);
        assertThat(wide.alignment()).isEqualTo(64);
        assertThat(wide.dataOffset() % 64).isZero();
        assertInvalid(GgufBytes.header(3, 0, 1).kvU32("general.alignment", 48).bytes(), "not a power of two");
        assertInvalid(GgufBytes.header(3, 0, 1).kvString("general.alignment", "32").bytes(), "must be a UINT32");
    }

    /** gguf.cpp accepts dimensions of 0 (only negative ones fail); such a tensor takes no bytes. */
    @Test
    void acceptsEmptyTensorsAsGgmlDoes() {
        GgufHeader header = GgufHeader.read(GgufBytes.header(3, 2, 0)
                .tensor("empty", F32, 0, 0, 4).tensor("next", F32, 0, 8).bytes(), FIELD);
        assertThat(header.tensors().getFirst().bytes()).isZero();
        assertThat(header.totalBytes()).isEqualTo(32);
    }

    @Test
    void everyPrefixOfAValidFileAsksForMoreUntilTheHeaderIsComplete() {
        byte[] whole = llamaLike(1100).bytes();
        for (int length = 0; length < whole.length; length++) {
            byte[] prefix = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> GgufHeader.read(prefix, FIELD)).as("prefix %d", length)
                    .isInstanceOf(TruncatedHeaderException.class);
        }
        assertThat(GgufHeader.read(whole, FIELD).tensors()).hasSize(5);
    }

    @Test
    void saysHowFarItGotAndHowMuchToUpload() {
        GgufBytes big = GgufBytes.header(3, 0, 1);
        big.kvStrings("tokenizer.ggml.tokens", IntStream.range(0, 1_000_000).mapToObj(i -> "token-" + i).toList());
        TruncatedHeaderException e = (TruncatedHeaderException) catchThrowable(
                () -> GgufHeader.read(Arrays.copyOf(big.bytes(), 8_388_608), FIELD));
        assertThat(e).hasMessage("The header continues past the 8,388,608 bytes uploaded (the upload ends in the "
                + "value of 'tokenizer.ggml.tokens'): upload more, e.g. head -c 16M model.gguf");
        assertThat(e.bytesUploaded()).isEqualTo(8_388_608);
        assertThat(e.bytesNeeded()).isGreaterThan(8_388_608);
        // a caller with an upload limit gets a plain refusal instead of a request for more
        assertThat(catchThrowable(() -> GgufHeader.read(Arrays.copyOf(big.bytes(), 1 << 20), FIELD, 1 << 20)))
                .isNotInstanceOf(TruncatedHeaderException.class)
                .hasMessageContaining("more than the 1,048,576 bytes Bytewise accepts");
    }

    @Test
    void refusesHugeCountsAndLengthsWithoutAllocating() {
        assertInvalid(GgufBytes.header(3, Long.MIN_VALUE, 0).bytes(), "tensor_count is 9223372036854775808");
        assertInvalid(GgufBytes.header(3, 0, -1).bytes(), "metadata_kv_count is 18446744073709551615");
        assertInvalid(GgufBytes.header(3, 0, 1).u64(1L << 62).bytes(),
                "A metadata key has a length of 4,611,686,018,427,387,904 bytes, over the 65,535");
        assertInvalid(GgufBytes.header(3, 0, 1).str("k").u32(STRING).u64(1L << 62).bytes(),
                "over the 1,073,741,824");
        assertInvalid(GgufBytes.header(3, 0, 1).kvArray("k", UINT8, 1L << 40, w -> { }).bytes(),
                "An array claims 1,099,511,627,776 elements, over the 1,073,741,824");
        TruncatedHeaderException e = (TruncatedHeaderException) catchThrowable(() -> GgufHeader.read(
                GgufBytes.header(3, 0, 1).kvArray("k", UINT8, 1L << 29, w -> { }).bytes(), FIELD));
        assertThat(e.bytesNeeded()).isGreaterThan(1L << 29);
        assertInvalid(GgufBytes.header(3, 0, 1).kvArray("k", ARRAY, 1, w -> {
            for (int i = 0; i < 10_000; i++) {
                w.u32(ARRAY).u64(1);
            }
        }).bytes(), "Arrays nest more than 8 deep");
    }

    @Test
    void refusesOtherFilesVersionsAndByteOrders() {
        assertInvalid(new byte[] {'G', 'G', 'M', 'L', 3, 0, 0, 0}, "begins with 'GGML'");
        assertInvalid(SafetensorsBytes.file("{}"), "It may be a safetensors file");
        assertInvalid(GgufBytes.header(1, 0, 0).bytes(), "GGUF version 1 file, which llama.cpp no longer reads");
        assertInvalid(GgufBytes.header(0, 0, 0).bytes(), "GGUF version 0 is not one Bytewise reads");
        assertInvalid(GgufBytes.header(4, 0, 0).bytes(), "GGUF version 4 is not one Bytewise reads");
        assertThat(GgufHeader.read(GgufBytes.header(2, 0, 0).bytes(), FIELD).version()).isEqualTo(2);
        byte[] bigEndian = {'G', 'G', 'U', 'F', 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 1};
        assertInvalid(bigEndian, "this is a big-endian GGUF file");
    }

    @Test
    void refusesBadKeysAndTypes() {
        assertInvalid(GgufBytes.header(3, 0, 1).kvU32("", 1).bytes(), "Metadata key 1 is empty");
        assertInvalid(GgufBytes.header(3, 0, 2).kvU32("a", 1).kvU32("a", 2).bytes(), "'a' appears twice");
        assertInvalid(GgufBytes.header(3, 0, 1).str("a").u32(13).bytes(), "value type 13, which GGUF does not define");
        assertInvalid(GgufBytes.header(3, 0, 1).kvArray("a", 200, 0, w -> { }).bytes(), "element type 200");
    }

    @Test
    void refusesBadTensorInfos() {
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", 43, 0, 32).bytes(),
                "ggml type 43, which this ggml type table (ids 0-42) does not define");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", 31, 0, 32).bytes(), "Q4_0_4_4, removed from GGUF files");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", -1, 0, 32).bytes(), "ggml type 4294967295");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", F32, 0, 1, 1, 1, 1, 1).bytes(),
                "Tensor 't' has 5 dimensions; ggml allows at most 4.");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", F32, 0, 1L << 32, 1L << 32).bytes(),
                "more than 2^63 elements or bytes");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", F32, 0, 1L << 31, 1L << 31).bytes(),
                "more than 2^63 elements or bytes"); // 2^62 elements fit, 2^64 bytes do not
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", F32, 0, Long.MIN_VALUE).bytes(),
                "dimension 0 is 9223372036854775808");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("t", Q4_K, 0, 100).bytes(),
                "rows of 100 values, not a multiple of its block size 256");
        assertInvalid(GgufBytes.header(3, 2, 0).tensor("t", F32, 0, 8).tensor("t", F32, 32, 8).bytes(),
                "Two tensors are named 't'");
        assertInvalid(GgufBytes.header(3, 1, 0).tensor("n".repeat(64), F32, 0, 8).bytes(),
                "A tensor name has a length of 64 bytes, over the 63");
        assertThat(GgufHeader.read(GgufBytes.header(3, 1, 0).tensor("n".repeat(63), F32, 0, 8).bytes(), FIELD)
                .tensors()).hasSize(1);
    }

    /** Corrupting any byte of a small file gives a reading or an InvalidInputException, nothing else. */
    @Test
    void flippingAnyByteNeverThrowsAnythingElse() {
        byte[] whole = llamaLike(3).bytes();
        for (int flip = 0; flip < whole.length; flip++) {
            for (int mask : new int[] {0x01, 0x40, 0x80, 0xFF}) {
                byte[] broken = Arrays.copyOf(whole, whole.length);
                broken[flip] ^= (byte) mask;
                Throwable thrown = catchThrowable(() -> GgufHeader.read(broken, FIELD));
                if (thrown != null) {
                    assertThat(thrown).as("byte %d ^ %x", flip, mask).isInstanceOf(InvalidInputException.class);
                }
            }
        }
    }

    private static void assertInvalid(byte[] bytes, String message) {
        assertThat(catchThrowable(() -> GgufHeader.read(bytes, FIELD)))
                .isInstanceOf(InvalidInputException.class)
                .isNotInstanceOf(TruncatedHeaderException.class)
                .hasMessageContaining(message)
                .extracting(t -> ((InvalidInputException) t).field()).isEqualTo(FIELD);
    }
}
