package app.bytewise.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.ModelReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** bitsandbytes and compressed-tensors checkpoints, tensor by tensor as their libraries save them. */
class QuantizedCheckpointTest {

    private static final CheckpointFormat CHECKPOINT = (CheckpointFormat) Formats.parse("checkpoint", "weights");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One layer, hidden 4096, MLP 14336: Llama-3-8B's linear shapes, and an untied head over 1,000 tokens. */
    private static final String ONE_LAYER = """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 1,
             "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 1000, "tie_word_embeddings": false,
             "torch_dtype": "bfloat16", "quantization_config": %s}""";

    private static Model oneLayer(String quantization) {
        return ModelReader.readText("q", "q", ONE_LAYER.formatted(quantization), "config");
    }

    private static Model catalogWith(String id, String quantization) {
        ObjectNode config = (ObjectNode) TestModels.CATALOG.find(id).orElseThrow().config().deepCopy();
        config.put("torch_dtype", "bfloat16");
        config.set("quantization_config", JSON.readTree(quantization));
        return ModelReader.readText(id, id, config.toString(), "config");
    }

    @Test
    void gemma2In4BitNf4HoldsTheElementsTheHubShows() {
        // unslothai/unsloth#912: the Hub page of unsloth/gemma-2-27b-bnb-4bit shows 14.6 B parameters (the
        // original 27.2 B), since it counts the packed U8 codes, two weights per element.
        Model m = catalogWith("gemma-2-27b", """
                {"quant_method": "bitsandbytes", "load_in_4bit": true, "bnb_4bit_quant_type": "nf4",
                 "bnb_4bit_use_double_quant": true, "bnb_4bit_compute_dtype": "bfloat16"}""");
        CheckpointBytes c = CHECKPOINT.checkpoint(m);
        assertThat(c.elements() / 1e9).isBetween(14.55, 14.65);
        assertThat(CHECKPOINT.schemeLabel(m)).isEqualTo("bitsandbytes NF4 (double quant)");
    }

    @Test
    void fourBitStoresCodesAbsmaxCodeMapAndQuantState() {
        CheckpointBytes c = CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "bitsandbytes", "load_in_4bit": true, "bnb_4bit_quant_type": "nf4"}"""));
        // q, o [4096, 4096]; k, v [1024, 4096]; gate, up [14336, 4096]; down [4096, 14336]: N per linear.
        long[] n = {4096L * 4096, 1024L * 4096, 1024L * 4096, 4096L * 4096, 14336L * 4096, 14336L * 4096, 4096L * 14336};
        long codes = 0;
        long absmax = 0;
        for (long each : n) {
            codes += each / 2;
            absmax += each / 64;
        }
        // json.dumps of {"quant_type": "nf4", "blocksize": 64, "dtype": "bfloat16", "shape": [o, i]}: 82 bytes for
        // [4096, 4096] and [1024, 4096], 83 with a five-digit dimension (checked with Python's json.dumps).
        long states = 4 * 82 + 3 * 83;
        long dense = 2 * 1000L * 4096 + 2 * 4096 + 4096;
        assertThat(c.elementsByDtype()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "U8", codes + states, "F32", absmax + 7 * 16, "BF16", dense));
        assertThat(c.bytes()).isEqualTo(codes + states + 4 * (absmax + 7 * 16) + 2 * dense);
    }

    @Test
    void doubleQuantizationStoresAbsmaxAsBytesWithNestedScales() {
        CheckpointBytes c = CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "bitsandbytes", "load_in_4bit": true, "bnb_4bit_quant_type": "nf4",
                 "bnb_4bit_use_double_quant": true, "llm_int8_skip_modules": ["lm_head"]}"""));
        // 4096×4096: 262,144 absmax → U8, nested ceil(262,144/256) = 1,024 F32; 1024×4096: 65,536 → 256;
        // 14336×4096: 917,504 → 3,584.
        long nested = 2 * 1_024 + 2 * 256 + 3 * 3_584;
        assertThat(c.elementsByDtype().get("F32")).isEqualTo(nested + 7 * (16 + 256));
        // The quant state adds the nested keys: 173 and 174 bytes (nested_offset printed in 20 characters).
        long codes = (2 * 4096L * 4096 + 2 * 1024L * 4096 + 3 * 14336L * 4096) / 2;
        long absmax = codes * 2 / 64;
        assertThat(c.elementsByDtype().get("U8")).isEqualTo(codes + absmax + 4 * 173 + 3 * 174);
    }

    @Test
    void eightBitStoresInt8RowsWithOneScaleEach() {
        CheckpointBytes c = CHECKPOINT.checkpoint(oneLayer("{\"quant_method\": \"bitsandbytes\", \"load_in_8bit\": true}"));
        long weights = 2 * 4096L * 4096 + 2 * 1024L * 4096 + 3 * 14336L * 4096;
        // SCB [o] per linear: 4096 + 1024 + 1024 + 4096 + 14336 + 14336 + 4096; weight_format one U8 each.
        assertThat(c.elementsByDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("I8", weights,
                "F32", 43_008L, "U8", 7L, "BF16", 2 * 1000L * 4096 + 2 * 4096 + 4096));
    }

    @Test
    void w4a16PacksEightCodesPerInt32WithGroupScales() {
        CheckpointBytes c = CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "compressed-tensors", "format": "pack-quantized", "ignore": ["lm_head"],
                 "config_groups": {"group_0": {"targets": ["Linear"], "input_activations": null,
                   "weights": {"num_bits": 4, "type": "int", "symmetric": true, "strategy": "group", "group_size": 128}}}}"""));
        long weights = 2 * 4096L * 4096 + 2 * 1024L * 4096 + 3 * 14336L * 4096;
        // weight_packed [o, i/8] I32, weight_scale [o, i/128] BF16, weight_shape [2] I64.
        assertThat(c.elementsByDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("I32", weights / 8,
                "BF16", weights / 128 + 2 * 1000L * 4096 + 2 * 4096 + 4096, "I64", 14L));
    }

    @Test
    void fp8DynamicKeepsOneScalePerRowAndIgnoresWhatTheListNames() {
        CheckpointBytes c = CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "compressed-tensors", "format": "float-quantized", "ignore": ["re:.*lm_head"],
                 "config_groups": {"group_0": {"targets": ["Linear"],
                   "input_activations": {"num_bits": 8, "type": "float", "dynamic": true, "strategy": "token"},
                   "weights": {"num_bits": 8, "type": "float", "symmetric": true, "strategy": "channel"}}}}"""));
        long weights = 2 * 4096L * 4096 + 2 * 1024L * 4096 + 3 * 14336L * 4096;
        assertThat(c.elementsByDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("F8_E4M3", weights,
                "BF16", 43_008L + 2 * 1000L * 4096 + 2 * 4096 + 4096));
    }

    @Test
    void nvfp4PacksTwoCodesPerByteWithE4m3ScalesPer16() {
        CheckpointBytes c = CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "compressed-tensors", "format": "nvfp4-pack-quantized", "ignore": ["lm_head"],
                 "config_groups": {"group_0": {"targets": ["Linear"],
                   "input_activations": {"num_bits": 4, "type": "float", "dynamic": "local", "strategy": "tensor_group", "group_size": 16},
                   "weights": {"num_bits": 4, "type": "float", "symmetric": true, "strategy": "tensor_group", "group_size": 16}}}}"""));
        long weights = 2 * 4096L * 4096 + 2 * 1024L * 4096 + 3 * 14336L * 4096;
        assertThat(c.elementsByDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("U8", weights / 2,
                "F8_E4M3", weights / 16, "F32", 14L, "BF16", 2 * 1000L * 4096 + 2 * 4096 + 4096));
    }

    @Test
    void configsItCannotLayOutAreRefusedNamingTheField() {
        assertThatThrownBy(() -> CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "compressed-tensors", "format": "pack-quantized", "ignore": ["re:(a|b)"],
                 "config_groups": {"group_0": {"targets": ["Linear"],
                   "weights": {"num_bits": 4, "type": "int", "strategy": "group", "group_size": 128}}}}""")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regular-expression")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("config.quantization_config.ignore"));
        assertThatThrownBy(() -> CHECKPOINT.checkpoint(oneLayer(
                "{\"quant_method\": \"bitsandbytes\", \"load_in_4bit\": true, \"load_in_8bit\": true}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one of them");
        assertThatThrownBy(() -> CHECKPOINT.checkpoint(oneLayer("""
                {"quant_method": "compressed-tensors", "format": "float-quantized",
                 "config_groups": {"group_0": {"targets": ["Linear"], "weights": {"num_bits": 4, "type": "int"}}}}""")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not store int4");
    }
}
