package app.bytewise.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.ModelReader;
import app.bytewise.engine.model.Tensor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckpointReportTest {

    /** ggml type ids (ggml.h): GGML_TYPE_F32 = 0, F16 = 1, Q4_K = 12. */
    private static final int F32 = 0;
    private static final int F16 = 1;
    private static final int Q4_K = 12;

    /** A tiny Llama as llama.cpp's convert_hf_to_gguf.py writes it: 2 blocks, hidden 256, vocab 1,000. */
    static byte[] tinyLlamaGguf() {
        GgufBytes g = GgufBytes.header(3, 4, 8)
                .kvString("general.architecture", "llama")
                .kvU32("llama.block_count", 2)
                .kvU32("llama.embedding_length", 256)
                .kvU32("llama.feed_forward_length", 512)
                .kvU32("llama.attention.head_count", 4)
                .kvU32("llama.attention.head_count_kv", 2)
                .kvU32("llama.context_length", 2048)
                .kvU32("llama.attention.key_length", 64);
        // ne0 first: token_embd [n_embd, n_vocab].
        g.tensor("token_embd.weight", Q4_K, 0, 256, 1000);
        g.tensor("blk.0.attn_norm.weight", F32, 144_000, 256);
        g.tensor("blk.0.attn_q.weight", F16, 145_024, 256, 256);
        g.tensor("output_norm.weight", F32, 276_096, 256);
        return g.bytes();
    }

    @Test
    void aGgufHeaderIsCountedByItsFamilyFromItsMetadata() {
        GgufHeader header = GgufHeader.read(tinyLlamaGguf(), "model.ggufHeader");
        Model model = ModelReader.read("gguf", "gguf", GgufConfig.of(header, "model.ggufHeader"), "model.ggufHeader");
        // embed 1000·256, tied (no output.weight); per block: 2 norms 512, q 256², k and v 128·256 each, o 256²,
        // MLP 3·512·256; final norm 256.
        long perBlock = 512 + 65_536 + 2 * 32_768 + 65_536 + 3 * 131_072;
        assertThat(model.parameters()).isEqualTo(256_000 + 2 * perBlock + 256);
        assertThat(model.architecture().orElseThrow().kvHeads()).isEqualTo(2);
        CheckpointReport report = CheckpointReport.of("gguf", header, Optional.empty());
        // Q4_K: 144 bytes per 256 weights; F16 2 bytes; F32 4 bytes.
        assertThat(report.bytesByType()).containsEntry("Q4_K", 1000L * 144).containsEntry("F16", 131_072L)
                .containsEntry("F32", 2048L);
    }

    @Test
    void aGgufOfAnArchitectureNotMappedIsRefusedNamingTheField() {
        byte[] rwkv = GgufBytes.header(3, 0, 1).kvString("general.architecture", "rwkv6").bytes();
        assertThatThrownBy(() -> GgufConfig.of(GgufHeader.read(rwkv, "model.ggufHeader"), "model.ggufHeader"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rwkv6").hasMessageContaining("qwen3moe");
    }

    /** A safetensors header as transformers' save_pretrained writes one: every tensor, BF16, contiguous. */
    static byte[] safetensors(List<Tensor> tensors) {
        StringBuilder json = new StringBuilder("{\"__metadata__\": {\"format\": \"pt\"}");
        long offset = 0;
        for (Tensor t : tensors) {
            long end = offset + 2 * t.elements();
            json.append(", \"").append(t.name()).append("\": {\"dtype\": \"BF16\", \"shape\": ")
                    .append(t.shape().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")))
                    .append(", \"data_offsets\": [").append(offset).append(", ").append(end).append("]}");
            offset = end;
        }
        return SafetensorsBytes.file(json.append('}').toString());
    }

    @Test
    void aSafetensorsHeaderIsHeldAgainstTheConfigsTensorList() {
        Model qwen = TestModels.model("qwen3-0-6b");
        CheckpointReport same = CheckpointReport.of("safetensors",
                SafetensorsHeader.read(safetensors(qwen.tensors()), "h"), Optional.of(qwen));
        assertThat(same.elements()).isEqualTo(596_049_920L);
        assertThat(same.bytes()).isEqualTo(2 * 596_049_920L);
        assertThat(same.comparison().orElseThrow().agrees()).isTrue();
        assertThat(same.comparison().orElseThrow().matched()).isEqualTo(qwen.tensorCount());

        // Qwen3-0.6B's real checkpoint also stores lm_head.weight although the embeddings are tied.
        List<Tensor> withHead = new java.util.ArrayList<>(qwen.tensors());
        withHead.add(Tensor.matrix("lm_head.weight", app.bytewise.engine.model.TensorRole.OUTPUT, -1, 151_936, 1024));
        withHead.set(3, new Tensor(withHead.get(3).name(), withHead.get(3).role(), 0, -1, List.of(7L, 1024L), 1));
        CheckpointReport.Comparison differs = CheckpointReport.of("safetensors",
                SafetensorsHeader.read(safetensors(withHead.subList(0, 40)), "h"), Optional.of(qwen)).comparison().orElseThrow();
        assertThat(differs.shapeMismatches()).isEqualTo(1);
        assertThat(differs.unexpected()).isZero();
        assertThat(differs.missing()).isEqualTo(qwen.tensorCount() - 40);
        assertThat(differs.examples().getFirst()).startsWith("shape [7, 1024] in the file");
        CheckpointReport.Comparison extra = CheckpointReport.of("safetensors",
                SafetensorsHeader.read(safetensors(withHead.subList(withHead.size() - 2, withHead.size())), "h"),
                Optional.of(qwen)).comparison().orElseThrow();
        assertThat(extra.unexpected()).isEqualTo(1);
        assertThat(extra.examples()).contains("not in the model: lm_head.weight");
    }
}
