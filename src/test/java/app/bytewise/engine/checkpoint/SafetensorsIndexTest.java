package app.bytewise.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.bytewise.engine.InvalidInputException;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SafetensorsIndexTest {

    private static final String FIELD = "index";

    /** The shape transformers writes (save_pretrained with max_shard_size), abridged. */
    @Test
    void readsTotalSizeAndTheWeightMap() {
        SafetensorsIndex index = SafetensorsIndex.read("""
                {
                  "metadata": {"total_size": 16060522496, "total_parameters": 8030261248},
                  "weight_map": {
                    "lm_head.weight": "model-00004-of-00004.safetensors",
                    "model.embed_tokens.weight": "model-00001-of-00004.safetensors",
                    "model.layers.0.input_layernorm.weight": "model-00001-of-00004.safetensors",
                    "model.norm.weight": "model-00004-of-00004.safetensors"
                  },
                  "other": [1, {"x": 2}]
                }""", FIELD);
        assertThat(index.totalSize()).isEqualTo(OptionalLong.of(16_060_522_496L));
        assertThat(index.tensorNames()).containsExactly("lm_head.weight", "model.embed_tokens.weight",
                "model.layers.0.input_layernorm.weight", "model.norm.weight");
        assertThat(index.files()).containsExactly("model-00004-of-00004.safetensors",
                "model-00001-of-00004.safetensors");
        assertThat(index.weightMap()).containsEntry("model.norm.weight", "model-00004-of-00004.safetensors");
    }

    @Test
    void totalSizeIsOptional() {
        SafetensorsIndex index = SafetensorsIndex.read("{\"weight_map\": {\"w\": \"a.safetensors\"}}", FIELD);
        assertThat(index.totalSize()).isEmpty();
        assertThat(index.tensorNames()).isEqualTo(List.of("w"));
    }

    @Test
    void refusesWhatIsNotAnIndex() {
        assertInvalid("", "The index is empty");
        assertInvalid("[1]", "is a JSON object");
        assertInvalid("{\"metadata\": {}}", "has no weight_map");
        assertInvalid("{\"weight_map\": {\"w\": 3}}", "maps to the number 3");
        assertInvalid("{\"weight_map\": []}", "weight_map must be an object");
        assertInvalid("{\"metadata\": {\"total_size\": -5}, \"weight_map\": {}}", "must not be negative");
        assertInvalid("{\"metadata\": {\"total_size\": 18446744073709551616}, \"weight_map\": {}}",
                "past the largest size");
        assertInvalid("{\"weight_map\": {\"w\": \"a\", \"w\": \"b\"}}", "Duplicate");
        assertInvalid("{\"weight_map\": {}} x", "not valid JSON");
    }

    @Test
    void boundsNestingAndKeys() {
        assertInvalid("{\"metadata\": " + "{\"a\": ".repeat(1_000_000), "nests deeper than 8 levels");
        StringBuilder json = new StringBuilder("{\"weight_map\": {");
        for (int i = 0; i <= SafetensorsIndex.MAX_ENTRIES; i++) {
            json.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"f\"");
        }
        assertInvalid(json.append("}}").toString(), "weight_map lists more than 1,000,000 tensors");
    }

    private static void assertInvalid(String json, String message) {
        assertThat(catchThrowable(() -> SafetensorsIndex.read(json, FIELD)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
                .extracting(t -> ((InvalidInputException) t).field()).isEqualTo(FIELD);
    }
}
