package app.bytewise.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.engine.InvalidInputException;
import app.bytewise.engine.TestModels;
import app.bytewise.engine.WeightMemory;
import app.bytewise.engine.model.Model;
import app.bytewise.engine.model.Tensor;
import app.bytewise.engine.model.TensorRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightFormatTest {

    private static final Model LLAMA_2_7B = TestModels.model("llama-2-7b");

    @Test
    void bf16IsTwoBytesPerParameter() {
        // 6,738,415,616 × 2 = 13.48 GB = 12.55 GiB, not the "14 GB" of 7e9 × 2.
        assertThat(WeightMemory.bytes(LLAMA_2_7B, Formats.parse("bf16"))).isEqualTo(13_476_831_232L);
        assertThat(WeightMemory.bytes(LLAMA_2_7B, Formats.parse("fp32"))).isEqualTo(26_953_662_464L);
    }

    @Test
    void seventyBInInt4IsAbout35Gb() {
        // The textbook figure for a bare "70B": 70e9 × 0.5 bytes.
        assertThat(WeightMemory.bytes(Model.ofParameterCount(70_000_000_000L), Formats.parse("int4")))
                .isEqualTo(35_000_000_000L);
        // Llama-2-70B for real: scales per row and 16-bit embeddings, head and norms on top.
        long real = WeightMemory.bytes(TestModels.model("llama-2-70b"), Formats.parse("int4"));
        assertThat(real / 1e9).isCloseTo(35.3, within(0.1));
    }

    @Test
    void nf4CostsHalfABitOfScalesAndDoubleQuantShrinksItTo0127() {
        // bitsandbytes README: 32/64 = 0.5 bit/param of fp32 absmax; double quant 8/64 + 32/(64·256).
        Tensor w = Tensor.matrix("w", TensorRole.ATTN_Q, 0, 4096, 4096);
        Model one = Model.ofArchitecture("m", "m", LLAMA_2_7B.architecture().orElseThrow(), List.of(w), List.of());
        assertThat(Nf4Format.NF4.layout(one).totalBytes()).isEqualTo(8_388_608L + 4 * 262_144L);
        long dq = Nf4Format.NF4_DOUBLE_QUANT.layout(one).totalBytes();
        assertThat(dq).isEqualTo(8_388_608L + 262_144L + 4 * 1024L + 4);
        assertThat(8.0 * dq / w.elements() - 4).isCloseTo(0.126953, within(0.00001));
    }

    @Test
    void int8KeepsOneFp32ScalePerRowLikeBitsandbytes() {
        Tensor w = Tensor.matrix("w", TensorRole.FFN_UP, 0, 11008, 4096);
        Model one = Model.ofArchitecture("m", "m", LLAMA_2_7B.architecture().orElseThrow(), List.of(w), List.of());
        assertThat(ChannelQuantFormat.INT8.layout(one).totalBytes()).isEqualTo(11008L * 4096 + 4 * 11008);
    }

    @Test
    void gptqCountsCodesZerosScalesAndGroupIndex() {
        Tensor w = Tensor.matrix("w", TensorRole.ATTN_Q, 0, 4096, 4096);
        Model one = Model.ofArchitecture("m", "m", LLAMA_2_7B.architecture().orElseThrow(), List.of(w), List.of());
        // qweight 4096·4096/8, qzeros 32 groups × 4096·4/8, scales 32 × 4096 × 2, g_idx 4096 × 4.
        long expected = 8_388_608L + 65_536L + 262_144L + 16_384L;
        assertThat(Formats.parse("gptq-4bit-g128").layout(one).totalBytes()).isEqualTo(expected);
        assertThat(Formats.parse("awq-4bit-g128").layout(one).totalBytes()).isEqualTo(expected - 16_384L);
    }

    @Test
    void quantizedSchemesLeaveEmbeddingsHeadAndNormsIn16Bits() {
        WeightLayout layout = Formats.parse("nf4").layout(LLAMA_2_7B);
        assertThat(layout.tensors()).filteredOn(t -> !t.tensor().role().isBlockLinear())
                .allSatisfy(t -> assertThat(t.type()).isEqualTo("BF16"));
        assertThat(layout.byType().get("BF16")[0]).isEqualTo(2L * 131_072_000 + 65 * 4096);
    }

    @Test
    void unknownFormatsNameTheField() {
        assertThatThrownBy(() -> Formats.parse("int3"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("weights"));
        assertThatThrownBy(() -> Formats.parse("gguf:Q7_K")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Formats.parse("awq-3bit-g128")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBareGgufTypeNameIsRefusedWithTheCanonicalIdSuggested() {
        assertThatThrownBy(() -> Formats.parse("q4_k_m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Did you mean gguf:Q4_K_M?");
        assertThat(Formats.parse("gguf:Q4_K_M").id()).isEqualTo("gguf:Q4_K_M");
    }
}
