package app.bytewise.quant.bnb;

import static app.bytewise.quant.bnb.BnbOracle.floats;
import static app.bytewise.quant.bnb.BnbOracle.hex;
import static app.bytewise.quant.bnb.BnbOracle.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every case of nf4.json and fp4.json, byte for byte and bit for bit, on both backends. */
class FourBitOracleTest {

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String file : List.of("nf4.json", "fp4.json")) {
            for (JsonNode c : BnbOracle.read(file).get("cases")) {
                all.add(Arguments.of(file, c.get("name").stringValue()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void cudaKernelSemantics(String file, String name) {
        JsonNode c = BnbOracle.testCase(file, name);
        float[] input = floats(c.get("input_f32_hex"));
        int n = c.get("n").intValue();
        assertThat(input).hasSize(n);

        Quantized4Bit q = quantize(file, input, Backend.CUDA);

        assertThat(hex(q.packed())).isEqualTo(c.get("packed_hex").stringValue());
        assertThat(hex(q.absmax())).containsExactlyElementsOf(strings(c.get("absmax_f32_hex")));
        assertThat(hex(dequantize(file, q, Backend.CUDA)))
                .containsExactlyElementsOf(strings(c.get("dequantized_f32_hex")));
    }

    /** Cases without a {@code default_backend_variant} are ones where the torch backend agrees. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void torchDefaultBackend(String file, String name) {
        JsonNode c = BnbOracle.testCase(file, name);
        JsonNode expected = c.has("default_backend_variant") ? c.get("default_backend_variant") : c;

        Quantized4Bit q = quantize(file, floats(c.get("input_f32_hex")), Backend.TORCH_DEFAULT);

        assertThat(hex(q.packed())).isEqualTo(expected.get("packed_hex").stringValue());
        assertThat(hex(q.absmax())).containsExactlyElementsOf(strings(c.get("absmax_f32_hex")));
        assertThat(hex(dequantize(file, q, Backend.TORCH_DEFAULT)))
                .containsExactlyElementsOf(strings(expected.get("dequantized_f32_hex")));
    }

    /** The variant's own bookkeeping: where the backends differ, and with which codes. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void backendsDifferExactlyWhereTheOracleSays(String file, String name) {
        JsonNode c = BnbOracle.testCase(file, name);
        float[] input = floats(c.get("input_f32_hex"));
        int[] cuda = codes(quantize(file, input, Backend.CUDA));
        int[] torch = codes(quantize(file, input, Backend.TORCH_DEFAULT));
        List<Integer> differing = new ArrayList<>();
        List<Integer> cudaThere = new ArrayList<>();
        List<Integer> torchThere = new ArrayList<>();
        for (int i = 0; i < input.length; i++) {
            if (cuda[i] != torch[i]) {
                differing.add(i);
                cudaThere.add(cuda[i]);
                torchThere.add(torch[i]);
            }
        }
        if (!c.has("default_backend_variant")) {
            assertThat(differing).isEmpty();
            return;
        }
        JsonNode v = c.get("default_backend_variant");
        assertThat(differing).containsExactlyElementsOf(ints(v.get("differing_element_indices")));
        assertThat(cudaThere).containsExactlyElementsOf(ints(v.get("cuda_codes_at_those")));
        assertThat(torchThere).containsExactlyElementsOf(ints(v.get("default_codes_at_those")));
    }

    private static Quantized4Bit quantize(String file, float[] input, Backend backend) {
        return file.startsWith("nf4") ? Nf4.quantize(input, backend) : Fp4.quantize(input, backend);
    }

    private static float[] dequantize(String file, Quantized4Bit q, Backend backend) {
        return file.startsWith("nf4")
                ? Nf4.dequantize(q.packed(), q.absmax(), q.n())
                : Fp4.dequantize(q.packed(), q.absmax(), q.n(), backend);
    }

    /** Unpacks: element 2k is the high nibble of byte k. */
    private static int[] codes(Quantized4Bit q) {
        int[] codes = new int[q.n()];
        for (int i = 0; i < q.n(); i++) {
            int b = q.packed()[i / 2] & 0xFF;
            codes[i] = i % 2 == 0 ? b >> 4 : b & 0xF;
        }
        return codes;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode e : array) {
            out.add(e.intValue());
        }
        return out;
    }
}
