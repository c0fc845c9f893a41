package app.bytewise.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FamilyCountTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Model read(String json) {
        JsonNode node = JSON.readTree(json);
        return ModelReader.read("test", "test", node, "model.config");
    }

    @Test
    void falconSevenBIsMultiQueryWithParallelAttention() {
        Model falcon = TestModels.model("falcon-7b");
        // word_embeddings 65024·4544 (tied head) + 32 × (LayerNorm 2·4544 + qkv (71+2)·64·4544
        // + dense 4544² + MLP 2·4·4544²) + ln_f 2·4544.
        assertThat(falcon.parameters()).isEqualTo(6_921_720_704L);
        assertThat(falcon.architecture().orElseThrow().kvHeads()).isEqualTo(1);
        assertThat(falcon.tensors()).extracting(Tensor::name)
                .contains("transformer.h.0.self_attention.query_key_value.weight")
                .doesNotContain("lm_head.weight");
    }

    @Test
    void falconNewDecoderArchitectureUsesKvGroupsAndTwoLayerNorms() {
        // Falcon-40B's published architecture: 60 layers, 128 heads, 8 KV groups, hidden 8192.
        Model falcon40 = read("""
                {"model_type": "falcon", "hidden_size": 8192, "num_hidden_layers": 60, "num_attention_heads": 128,
                 "num_kv_heads": 8, "new_decoder_architecture": true, "parallel_attn": true, "bias": false,
                 "vocab_size": 65024}""");
        assertThat(falcon40.architecture().orElseThrow().kvHeads()).isEqualTo(8);
        assertThat(falcon40.tensors()).extracting(Tensor::name).contains("transformer.h.0.ln_attn.weight",
                "transformer.h.0.ln_mlp.bias");
        assertThat(falcon40.parameters()).isEqualTo(41_303_293_952L);
        // The old RefinedWeb spelling reads the same.
        Model old = read("""
                {"model_type": "RefinedWeb", "hidden_size": 8192, "n_layer": 60, "n_head": 128, "n_head_kv": 8,
                 "new_decoder_architecture": true, "vocab_size": 65024}""");
        assertThat(old.parameters()).isEqualTo(falcon40.parameters());
    }

    @Test
    void gpt2StoresConv1dWeightsInputFirst() {
        Model gpt2 = TestModels.model("gpt2");
        Tensor cAttn = gpt2.tensors().stream().filter(t -> t.name().equals("transformer.h.0.attn.c_attn.weight"))
                .findFirst().orElseThrow();
        assertThat(cAttn.shape()).containsExactly(768L, 2304L);
        assertThat(cAttn.rowLength()).isEqualTo(768);
        assertThat(gpt2.tensors()).extracting(Tensor::name).contains("transformer.wpe.weight");
    }

    @Test
    void opt350mProjectsItsNarrowEmbeddingsAndHasNoFinalNorm() {
        Model opt = TestModels.model("opt-350m");
        assertThat(opt.tensors()).extracting(Tensor::name)
                .contains("model.decoder.project_in.weight", "model.decoder.project_out.weight")
                .doesNotContain("model.decoder.final_layer_norm.weight");
        // OPT's learned positions carry two extra rows.
        assertThat(opt.tensors().stream().filter(t -> t.role() == TensorRole.POSITION_EMBEDDING).findFirst()
                .orElseThrow().shape()).containsExactly(2050L, 1024L);
    }

    @Test
    void gemmaTiesEmbeddingsUnlessToldOtherwise() {
        String base = """
                {"model_type": "gemma", "hidden_size": 2048, "num_hidden_layers": 18, "num_attention_heads": 8,
                 "num_key_value_heads": 1, "head_dim": 256, "intermediate_size": 16384, "vocab_size": 256000%s}""";
        Model tied = read(base.formatted(""));
        Model untied = read(base.formatted(", \"tie_word_embeddings\": false"));
        assertThat(untied.parameters() - tied.parameters()).isEqualTo(256_000L * 2048);
        assertThat(tied.parameters()).isEqualTo(TestModels.model("gemma-2b").parameters());
    }

    @Test
    void unknownTypesAreRefusedUnlessAGuessIsAskedFor() {
        String config = """
                {"model_type": "my_llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32,
                 "intermediate_size": 11008, "vocab_size": 32000}""";
        assertThatThrownBy(() -> read(config))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("my_llama").hasMessageContaining("deepseek_v3").hasMessageContaining("assumeFamily")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("model.config.model_type"));
        Model guessed = ModelReader.read("test", "test", JSON.readTree(config), "model.config", java.util.Optional.of("llama"));
        assertThat(guessed.parameters()).isEqualTo(6_738_415_616L);
        assertThat(guessed.notes()).singleElement().asString().startsWith("GUESS").contains("my_llama");
        assertThatThrownBy(() -> ModelReader.read("test", "test", JSON.readTree(config), "model.config",
                java.util.Optional.of("rwkv")))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("model.assumeFamily"));
    }

    @Test
    void whatCannotBeCountedIsAClearErrorNamingTheField() {
        assertThatThrownBy(() -> read("{\"model_type\": \"rwkv\", \"hidden_size\": 4096}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rwkv")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("model.config.model_type"));
        assertThatThrownBy(() -> read("{\"model_type\": \"llama\", \"hidden_size\": 4096, \"num_hidden_layers\": 32}"))
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .isEqualTo("model.config.num_attention_heads"));
        assertThatThrownBy(() -> read("""
                {"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": -2, "num_attention_heads": 32,
                 "intermediate_size": 11008, "vocab_size": 32000}"""))
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .isEqualTo("model.config.num_hidden_layers"));
        assertThatThrownBy(() -> read("""
                {"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32,
                 "num_key_value_heads": 5, "intermediate_size": 11008, "vocab_size": 32000}"""))
                .hasMessageContaining("must divide");
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(InvalidInputException.class);
    }
}
