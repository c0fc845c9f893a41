package app.bytewise.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.OracleVectors;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.TensorRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class GgufSizeTest {

    private static final Model LLAMA_2_7B = TestModels.model("llama-2-7b");

    @Test
    void blockSizesMatchTheGgmlOracleFiles() {
        List<JsonNode> oracles = OracleVectors.all("ggml");
        assertThat(oracles).hasSizeGreaterThanOrEqualTo(14);
        for (JsonNode oracle : oracles) {
            String type = oracle.get("type").stringValue();
            if (type.equals("Q8_K")) {
                continue; // never stored in model files
            }
            GgmlType ours = GgmlType.valueOf(type);
            assertThat(ours.blockSize()).as(type).isEqualTo(oracle.get("block_size").intValue());
            assertThat(ours.bytesPerBlock()).as(type).isEqualTo(oracle.get("bytes_per_block").intValue());
        }
    }

    /**
     * TheBloke/Llama-2-7B-GGUF lists its files in GB with two decimals; a file is the tensor data
     * plus under 1 MB of metadata (the 32,000-token vocabulary). Q2_K is left out: its rules have
     * changed since those files were made (attn_v and ffn_down are now Q3_K for 7B).
     */
    @ParameterizedTest
    @CsvSource({
        "Q4_0,   3825065984, 3.83",
        "Q4_K_S, 3855998976, 3.86",
        "Q4_K_M, 4080263168, 4.08",
        "Q5_K_S, 4650950656, 4.65",
        "Q5_K_M, 4782415872, 4.78",
        "Q6_K,   5528453120, 5.53",
        "Q8_0,   7160348672, 7.16",
        "Q3_K_M, 3297263616, 3.30",
        "Q3_K_L, 3596369920, 3.60"})
    void llama2SevenBMatchesPublishedFileSizes(String type, long tensorBytes, double publishedGb) {
        long bytes = GgufFormat.parse(type).layout(LLAMA_2_7B).totalBytes();
        assertThat(bytes).isEqualTo(tensorBytes);
        assertThat((bytes + 800_000) / 1e9).isCloseTo(publishedGb, within(0.0051));
    }

    @Test
    void q4KmUsesQ6KForOutputAndHalfOfAttnVAndFfnDown() {
        WeightLayout layout = GgufFormat.parse("Q4_K_M").layout(LLAMA_2_7B);
        assertThat(type(layout, "lm_head.weight")).isEqualTo("Q6_K");
        assertThat(type(layout, "model.embed_tokens.weight")).isEqualTo("Q4_K");
        assertThat(type(layout, "model.norm.weight")).isEqualTo("F32");
        long q6AttnV = layout.tensors().stream()
                .filter(t -> t.tensor().role() == TensorRole.ATTN_V && t.type().equals("Q6_K")).count();
        assertThat(q6AttnV).isEqualTo(16); // use_more_bits: layers 0-3, 6, 9, …, 27, 28-31
        assertThat(type(layout, "model.layers.4.self_attn.v_proj.weight")).isEqualTo("Q4_K");
        assertThat(type(layout, "model.layers.6.mlp.down_proj.weight")).isEqualTo("Q6_K");
        // About 4.84 bits per weight, not the 4.5 of Q4_K alone.
        assertThat(layout.bitsPerWeight()).isCloseTo(4.844, within(0.001));
    }

    @Test
    void eightExpertModelsKeepAttentionKeysAndValuesInQ8() {
        WeightLayout layout = GgufFormat.parse("Q4_K_M").layout(TestModels.model("mixtral-8x7b-v0-1"));
        assertThat(type(layout, "model.layers.10.self_attn.v_proj.weight")).isEqualTo("Q8_0");
        assertThat(type(layout, "model.layers.10.self_attn.k_proj.weight")).isEqualTo("Q8_0");
        assertThat(type(layout, "model.layers.10.self_attn.o_proj.weight")).isEqualTo("Q5_K");
        assertThat(type(layout, "model.layers.0.block_sparse_moe.gate.weight")).isEqualTo("F32");
    }

    @Test
    void rowsThatAreNotWholeSuperBlocksFallBack() {
        assertThat(GgmlType.Q4_K.fallbackFor(4096)).isEqualTo(GgmlType.Q4_K);
        assertThat(GgmlType.Q4_K.fallbackFor(4544)).isEqualTo(GgmlType.Q5_0);   // Falcon-7B hidden size
        assertThat(GgmlType.Q6_K.fallbackFor(4544)).isEqualTo(GgmlType.Q8_0);
        assertThat(GgmlType.Q3_K.fallbackFor(4544)).isEqualTo(GgmlType.Q4_0);
        assertThat(GgmlType.Q4_K.fallbackFor(100)).isEqualTo(GgmlType.F16);
        WeightLayout falcon = GgufFormat.parse("Q4_K_M").layout(TestModels.model("falcon-7b"));
        assertThat(type(falcon, "transformer.h.0.self_attention.dense.weight")).isEqualTo("Q5_0");
        // Falcon's tied embedding is the output: Q8_0 for Falcon.
        assertThat(type(falcon, "transformer.word_embeddings.weight")).isEqualTo("Q8_0");
    }

    @Test
    void useMoreBitsMatchesLlamaCpp() {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            if (LlamaQuantRules.useMoreBits(i, 32)) {
                layers.append(i).append(' ');
            }
        }
        assertThat(layers.toString().strip()).isEqualTo("0 1 2 3 6 9 12 15 18 21 24 27 28 29 30 31");
    }

    private static String type(WeightLayout layout, String name) {
        return layout.tensors().stream().filter(t -> t.tensor().name().equals(name)).findFirst().orElseThrow().type();
    }
}
