package app.bytewise.engine.checkpoint.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.checkpoint.GgufTensorType;
import app.bytewise.engine.checkpoint.GgufWriter;
import app.bytewise.engine.model.Model;
import org.junit.jupiter.api.Test;

/**
 * What {@link ModelGguf} writes without llama.cpp at hand; LlamaCppProfileOracleTest loads every
 * family it writes through the real library.
 */
class ModelGgufTest {

    @Test
    void refusesWhatItDoesNotWrite() {
        assertThatThrownBy(() -> ModelGguf.of(TestModels.model("opt-125m"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model_type 'opt'");
        assertThatThrownBy(() -> ModelGguf.of(Model.ofParameterCount(7_000_000_000L)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bare parameter count");
    }

    @Test
    void writesTheTensorsConvertHfToGgufWrites() {
        GgufWriter w = ModelGguf.of(TestModels.model("llama-2-7b"));
        // Llama-2-7B: 3 tensors outside the 32 blocks of 9 (convert_hf_to_gguf.py's f16 output has 291).
        assertThat(w.tensors()).hasSize(291);
        assertThat(w.tensors().getFirst()).isEqualTo(new GgufWriter.Tensor("token_embd.weight", GgufTensorType.F16,
                java.util.List.of(4096L, 32000L)));
        assertThat(w.tensors()).filteredOn(t -> t.name().endsWith("_norm.weight"))
                .allMatch(t -> t.type() == GgufTensorType.F32).hasSize(65);
        // 6,738,415,616 parameters (meta-llama/Llama-2-7b-hf), the same file llama.cpp sizes in LlamaCppKvCacheTest.
        assertThat(w.tensorBytes()).isEqualTo(13_477_363_712L);
    }
}
