package app.bytewise.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Every model dimension a config gives is bounded, and each refusal names the config field. */
class ConfigLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LLAMA = """
            {"model_type": "%s", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32,
             "num_key_value_heads": 8, "intermediate_size": 11008, "vocab_size": 32000,
             "max_position_embeddings": 4096%s}""";

    private static Model read(String json) {
        return ModelReader.read("test", "test", JSON.readTree(json), "model.config");
    }

    /** The config with one field set to {@code value} (added when the base config lacks it). */
    private static String llama(String type, String field, String value) {
        String base = LLAMA.formatted(type, "");
        String replaced = base.replaceAll("\"" + field + "\": [0-9]+", "\"" + field + "\": " + value);
        return replaced.equals(base) ? LLAMA.formatted(type, ", \"" + field + "\": " + value) : replaced;
    }

    private static String refusedField(String json) {
        try {
            read(json);
        } catch (InvalidInputException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + json);
    }

    @ParameterizedTest
    @CsvSource({
        "llama,   num_hidden_layers,       100000",
        "llama,   hidden_size,             2147483647",
        "llama,   intermediate_size,       4294967296",
        "llama,   num_attention_heads,     65536",
        "llama,   num_key_value_heads,     65536",
        "llama,   head_dim,                1000000",
        "llama,   vocab_size,              1000000000",
        "llama,   max_position_embeddings, 100000000000",
        "mistral, sliding_window,          100000000000",
        "mixtral, num_local_experts,       1000000",
        "mixtral, num_experts_per_tok,     9",
        "llama,   num_hidden_layers,       18446744073709551616",
        "llama,   vocab_size,              99999999999999999999999999999999999999"})
    void eachDimensionBeyondItsBoundIsRefusedNamingTheField(String type, String field, String value) {
        assertThat(refusedField(llama(type, field, value))).isEqualTo("model.config." + field);
    }

    @Test
    void theMessageSaysTheBoundAndTheValue() {
        assertThatThrownBy(() -> read(llama("llama", "num_hidden_layers", "10000000")))
                .hasMessageContaining("num_hidden_layers must be at most 2,048")
                .hasMessageContaining("10000000");
        // An integer beyond 2^63 is named, not echoed whole.
        assertThatThrownBy(() -> read(llama("llama", "hidden_size", "9".repeat(500))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void otherFamiliesNameTheFieldAsTheirConfigSpellsIt() {
        String gpt2 = """
                {"model_type": "gpt2", "n_embd": 768, "n_layer": 5000000, "n_head": 12, "n_positions": 1024,
                 "vocab_size": 50257}""";
        assertThat(refusedField(gpt2)).isEqualTo("model.config.n_layer");
        String opt = """
                {"model_type": "opt", "hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12,
                 "ffn_dim": 3072, "vocab_size": 50272, "max_position_embeddings": 2048,
                 "word_embed_proj_dim": 1000000000}""";
        assertThat(refusedField(opt)).isEqualTo("model.config.word_embed_proj_dim");
    }

    @Test
    void dimensionsWithinTheirBoundsThatMultiplyOutTooFarNameTheLayers() {
        // Each at its bound, but 2,048 layers of a 262,144-wide model with a 1M-wide MLP: over 10^15 parameters.
        String huge = """
                {"model_type": "llama", "hidden_size": 262144, "num_hidden_layers": 2048, "num_attention_heads": 64,
                 "intermediate_size": 1048576, "vocab_size": 32000}""";
        assertThatThrownBy(() -> read(huge))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10^15")
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .isEqualTo("model.config.num_hidden_layers"));
    }

    @Test
    void theLargestPublishedShapesStillRead() {
        // Llama-3.1-405B's shape and Gemma 3's vocabulary are far inside the bounds.
        Model big = read("""
                {"model_type": "llama", "hidden_size": 16384, "num_hidden_layers": 126, "num_attention_heads": 128,
                 "num_key_value_heads": 8, "intermediate_size": 53248, "vocab_size": 262144,
                 "max_position_embeddings": 10485760}""");
        assertThat(big.parameters()).isEqualTo(TestModels.model("llama-3-1-405b").parameters()
                + 2L * (262_144 - 128_256) * 16_384);
    }

    @Test
    void aBlockIsOneGroupHoweverManyLayersRepeatIt() {
        Model two = read(llama("llama", "num_hidden_layers", "2"));
        Model deep = read(llama("llama", "num_hidden_layers", "2048"));
        assertThat(deep.tensorGroups()).hasSameSizeAs(two.tensorGroups()).hasSize(12);
        assertThat(deep.tensorCount()).isEqualTo(9L * 2048 + 3);
        TensorGroup q = deep.tensorGroups().get(2);
        assertThat(q.label()).isEqualTo("model.layers.0–2047.self_attn.q_proj.weight");
        assertThat(q.copies()).isEqualTo(2048);
        assertThat(deep.parameters() - two.parameters()).isEqualTo(2046L * (two.parameters()
                - 2L * 32_000 * 4096 - 4096) / 2);
    }

    @Test
    void theExpandedListKeepsCheckpointOrderWithExpertsInterleaved() {
        Model mixtral = TestModels.model("mixtral-8x7b-v0-1");
        assertThat(mixtral.tensors()).extracting(Tensor::name).startsWith("model.embed_tokens.weight",
                "model.layers.0.input_layernorm.weight", "model.layers.0.self_attn.q_proj.weight")
                .containsSubsequence("model.layers.0.block_sparse_moe.gate.weight",
                        "model.layers.0.block_sparse_moe.experts.0.w1.weight",
                        "model.layers.0.block_sparse_moe.experts.0.w2.weight",
                        "model.layers.0.block_sparse_moe.experts.0.w3.weight",
                        "model.layers.0.block_sparse_moe.experts.1.w1.weight",
                        "model.layers.1.input_layernorm.weight")
                .endsWith("model.norm.weight", "lm_head.weight");
        assertThat(mixtral.tensors()).hasSize((int) mixtral.tensorCount()).hasSize(3 + 32 * (7 + 8 * 3));
    }
}
