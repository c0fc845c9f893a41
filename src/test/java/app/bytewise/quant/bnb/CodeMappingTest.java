package app.bytewise.quant.bnb;

import static app.bytewise.quant.bnb.BnbOracle.floats;
import static app.bytewise.quant.bnb.BnbOracle.hex;
import static app.bytewise.quant.bnb.BnbOracle.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The constants against the oracle files, and the bucket-table fast path against the plain
 * reading of the kernels (count the thresholds a value is strictly greater than).
 */
class CodeMappingTest {

    @Test
    void nf4CodebookMatchesTheOracle() {
        JsonNode codebook = BnbOracle.read("nf4.json").get("codebook");
        assertThat(hex(Nf4.codebook())).containsExactlyElementsOf(strings(codebook.get("f32_hex")));
    }

    @Test
    void fp4CodebooksMatchTheOracle() {
        JsonNode fp4 = BnbOracle.read("fp4.json");
        assertThat(hex(Fp4.codebook())).containsExactlyElementsOf(strings(fp4.get("codebook").get("f32_hex")));
        assertThat(hex(Fp4.torchCodebook()))
                .containsExactlyElementsOf(strings(fp4.get("codebook_get_4bit_type").get("f32_hex")));
    }

    /** The nf4 ties case holds the kernel's 15 threshold literals as float32 at indices 16..30. */
    @Test
    void nf4ThresholdsAreTheKernelLiteralsAsFloat32() {
        float[] ties = floats(BnbOracle.testCase("nf4.json", "ties").get("input_f32_hex"));
        assertThat(hex(Nf4.thresholds())).containsExactlyElementsOf(hex(Arrays.copyOfRange(ties, 16, 31)));
    }

    /** The README's trap, checked: rounding the literals through double moves exactly these four. */
    @Test
    void roundingThroughDoubleMovesFourThresholds() {
        List<String> literals = List.of("-0.8480964004993439", "-0.6106329262256622", "-0.4599952697753906",
                "-0.33967943489551544", "-0.23460740596055984", "-0.13791173323988914", "-0.045525018125772476",
                "0.03979014977812767", "0.1202552504837513", "0.2035212516784668", "0.2920137718319893",
                "0.3893125355243683", "0.5016634166240692", "0.6427869200706482", "0.8614784181118011");
        float[] thresholds = Nf4.thresholds();
        List<String> moved = new ArrayList<>();
        for (int t = 0; t < literals.size(); t++) {
            assertThat(Float.parseFloat(literals.get(t))).isEqualTo(thresholds[t]);
            if ((float) Double.parseDouble(literals.get(t)) != thresholds[t]) {
                moved.add(literals.get(t));
            }
        }
        assertThat(moved).containsExactlyInAnyOrder("-0.8480964004993439", "0.5016634166240692",
                "0.8614784181118011", "0.1202552504837513");
    }

    @Test
    void nf4FastPathEqualsCountingTheThresholds() {
        float[] thresholds = Nf4.thresholds();
        List<String> wrong = new ArrayList<>();
        for (float x : probes(thresholds)) {
            if (Nf4.code(x) != countBelow(thresholds, x)) {
                wrong.add(hex(x));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void fp4FastPathEqualsTheKernelTree() {
        float[] magnitudes = {0.00260417f, 0.0859375f, 0.20833333f, 0.29166667f, 0.4166667f, 0.583333f, 0.8333333f};
        List<String> wrong = new ArrayList<>();
        for (float x : probes(magnitudes)) {
            for (float s : new float[] {x, -x}) {
                if (Fp4.code(s) != fp4Tree(s)) {
                    wrong.add(hex(s));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The torch backend's mapping, through quantize with absmax 1 (so s = x): bucketize on the
     * float32 midpoints of the sorted codebook, mapped back through the stable argsort.
     */
    @Test
    void torchFastPathEqualsBucketize() {
        for (boolean nf4 : new boolean[] {true, false}) {
            float[] values = nf4 ? Nf4.codebook() : Fp4.torchCodebook();
            Integer[] order = new Integer[16];
            for (int i = 0; i < 16; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(values[a] + 0f, values[b] + 0f));
            float[] bounds = new float[15];
            for (int i = 0; i < 15; i++) {
                bounds[i] = (values[order[i]] + values[order[i + 1]]) / 2f;
            }
            List<String> wrong = new ArrayList<>();
            float[] block = new float[64];
            block[0] = 1f;
            for (float x : probes(bounds)) {
                if (!(Math.abs(x) <= 1f)) {
                    continue; // keeps absmax at 1, so the scaled value is x itself
                }
                block[1] = x;
                Quantized4Bit q = nf4 ? Nf4.quantize(block, Backend.TORCH_DEFAULT)
                        : Fp4.quantize(block, Backend.TORCH_DEFAULT);
                if ((q.packed()[0] & 0xF) != order[countBelow(bounds, x)]) {
                    wrong.add(hex(x));
                }
            }
            assertThat(wrong).as(nf4 ? "nf4" : "fp4").isEmpty();
        }
    }

    @Test
    void specialValues() {
        assertThat(Nf4.code(Float.NaN)).isZero();
        assertThat(Nf4.code(Float.intBitsToFloat(0xFFC00000))).isZero();
        assertThat(Nf4.code(Float.POSITIVE_INFINITY)).isEqualTo(15);
        assertThat(Nf4.code(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(Nf4.code(0f)).isEqualTo(7);
        assertThat(Nf4.code(-0f)).isEqualTo(7);
        assertThat(Fp4.code(Float.NaN)).isZero();
        assertThat(Fp4.code(-0f)).isZero();
        assertThat(Fp4.code(-Float.MIN_VALUE)).isEqualTo(8);
        assertThat(Fp4.code(Float.POSITIVE_INFINITY)).isEqualTo(3);
        assertThat(Fp4.code(Float.NEGATIVE_INFINITY)).isEqualTo(11);
    }

    /** dQuantizeFP4 read literally: sign from x < 0, then the tree on |x| with its bit codes. */
    private static int fp4Tree(float x) {
        int sign = x < 0 ? 8 : 0;
        float a = Math.abs(x);
        int magnitude;
        if (a > 0.29166667f) {
            magnitude = a > 0.583333f ? (a > 0.8333333f ? 0b011 : 0b010) : (a > 0.4166667f ? 0b101 : 0b100);
        } else if (a > 0.0859375f) {
            magnitude = a > 0.20833333f ? 0b111 : 0b110;
        } else {
            magnitude = a > 0.00260417f ? 0b001 : 0b000;
        }
        return magnitude + sign;
    }

    private static int countBelow(float[] thresholds, float x) {
        int c = 0;
        for (float t : thresholds) {
            c += x > t ? 1 : 0;
        }
        return c;
    }

    /** Each threshold with 100 ulps either side, random values, and a sweep over all bit patterns. */
    private static float[] probes(float[] thresholds) {
        float[] out = new float[thresholds.length * 201 + 300_000 + (1 << 20)];
        int k = 0;
        for (float t : thresholds) {
            for (int d = -100; d <= 100; d++) {
                out[k++] = Float.intBitsToFloat(Float.floatToRawIntBits(t) + d);
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 300_000; i++) {
            out[k++] = (float) (random.nextGaussian() * 0.4);
        }
        for (long bits = 0; bits < 1L << 32 && k < out.length; bits += 4093) {
            out[k++] = Float.intBitsToFloat((int) bits);
        }
        return Arrays.copyOf(out, k);
    }
}
