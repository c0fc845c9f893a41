package app.bytewise.quant.bnb;

import static app.bytewise.quant.bnb.BnbOracle.floats;
import static app.bytewise.quant.bnb.BnbOracle.hex;
import static app.bytewise.quant.bnb.BnbOracle.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** nf4_double_quant.json end to end: NF4, offset, 8-bit absmax codes, absmax2, and the way back. */
class DoubleQuantOracleTest {

    private static JsonNode oracle;
    private static Quantized4Bit nf4;
    private static QuantizedAbsmax nested;

    @BeforeAll
    static void quantize() {
        oracle = BnbOracle.read("nf4_double_quant.json");
        nf4 = Nf4.quantize(floats(oracle.get("input_f32_hex")));
        nested = DoubleQuant.quantize(nf4.absmax());
    }

    @Test
    void oracleUsesTheParametersWeImplement() {
        assertThat(oracle.get("quant_type").stringValue()).isEqualTo("nf4");
        assertThat(oracle.get("blocksize").intValue()).isEqualTo(Blocks.BLOCK_SIZE);
        assertThat(oracle.get("nested_blocksize").intValue()).isEqualTo(DoubleQuant.BLOCK_SIZE);
    }

    @Test
    void dynamicMapResourceIsTheStoredTorchDump() {
        assertThat(hex(DynamicMap.signed().values()))
                .containsExactlyElementsOf(strings(oracle.get("dynamic_map_f32_hex")));
        DynamicMap map = DynamicMap.signed();
        assertThat(hex(map.value(0))).isEqualTo(hex(-0.99296874f));
        assertThat(map.value(127)).isZero();
        assertThat(map.value(255)).isEqualTo(1.0f);
    }

    @Test
    void firstLevelIsPlainNf4() {
        assertThat(hex(nf4.packed())).isEqualTo(oracle.get("packed_hex").stringValue());
        assertThat(hex(nf4.absmax())).containsExactlyElementsOf(strings(oracle.get("absmax_f32_hex")));
    }

    @Test
    void offsetIsTheMeanOfTheAbsmax() {
        assertThat(hex(nested.offset())).isEqualTo(oracle.get("offset_f32_hex").stringValue());
        float[] centred = new float[nf4.absmax().length];
        for (int i = 0; i < centred.length; i++) {
            centred[i] = nf4.absmax()[i] - nested.offset();
        }
        assertThat(hex(centred)).containsExactlyElementsOf(strings(oracle.get("absmax_minus_offset_f32_hex")));
    }

    @Test
    void absmaxCodesAndSecondLevelScales() {
        assertThat(hex(nested.codes())).isEqualTo(oracle.get("quantized_absmax_u8_hex").stringValue());
        assertThat(hex(nested.absmax2())).containsExactlyElementsOf(strings(oracle.get("absmax2_f32_hex")));
    }

    @Test
    void dequantizedAbsmaxAndValues() {
        float[] absmax = DoubleQuant.dequantize(nested);
        assertThat(hex(absmax)).containsExactlyElementsOf(strings(oracle.get("dequantized_absmax_f32_hex")));
        assertThat(hex(Nf4.dequantize(nf4.packed(), absmax, nf4.n())))
                .containsExactlyElementsOf(strings(oracle.get("dequantized_f32_hex")));
    }

    /** QLoRA's figure: 8/64 + 32/(64*256) = 0.127 bit per parameter, against 32/64 = 0.5 without. */
    @Test
    void overheadPerParameter() {
        int n = nf4.n();
        double bits = (nested.codes().length * 8.0 + nested.absmax2().length * 32.0) / n;
        assertThat(bits).isCloseTo(0.127, within(0.0005));
        assertThat(nf4.absmax().length * 32.0 / n).isEqualTo(0.5);
    }

    /**
     * The 7-step search must agree with "nearest map entry by float32 midpoint, an exact midpoint
     * going to the even index" everywhere, not just on the 512 oracle values.
     */
    @Test
    void encodeIsNearestEntryWithTiesToEven() {
        DynamicMap map = DynamicMap.signed();
        float[] v = map.values();
        float[] mid = new float[255];
        for (int i = 0; i < 255; i++) {
            mid[i] = (v[i] + v[i + 1]) * 0.5f;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            float x = (float) (random.nextDouble() * 2.2 - 1.1);
            assertThat(map.encode(x)).as("x=%s", x).isEqualTo(nearest(mid, x));
        }
        for (float[] probes : new float[][] {v, mid}) {
            for (float p : probes) {
                for (float x : new float[] {Math.nextDown(p), p, Math.nextUp(p)}) {
                    assertThat(map.encode(x)).as("x=%s", x).isEqualTo(nearest(mid, x));
                }
            }
        }
        assertThat(map.encode(Float.NaN)).isZero();
        assertThat(map.encode(Float.POSITIVE_INFINITY)).isEqualTo(255);
        assertThat(map.encode(Float.NEGATIVE_INFINITY)).isZero();
    }

    private static int nearest(float[] mid, float x) {
        int r = 0;
        while (r < mid.length && x > mid[r]) {
            r++;
        }
        return r < mid.length && x == mid[r] && r % 2 == 1 ? r + 1 : r;
    }

    @Test
    void meanIsTheFloat64MeanRoundedOnce() {
        float[] values = {1e8f, 1f, -1e8f, 3f};
        assertThat(DoubleQuant.mean(values)).isEqualTo(1.0f);
        assertThat(DoubleQuant.mean(new float[] {0.1f, 0.2f, 0.3f}))
                .isEqualTo((float) (((double) 0.1f + (double) 0.2f + (double) 0.3f) / 3));
    }
}
