package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.BlockCodec;
import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.gguf.IQ4_NLCodec;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every GGUF block codec against the pinned ggml's own reference quantizer and dequantizer, live:
 * fresh rows each run (a new seed, printed on failure) of many shapes and scales, and the project's
 * bytes must equal ggml's, and its decoded floats ggml's bit for bit.
 */
@OnLlamaCpp
class GgmlQuantizerOracleTest {

    private static final int ROWS = 3_000;
    private static GgmlQuantizers ggml;

    @BeforeAll
    static void load() {
        ggml = GgmlQuantizers.fromEnvironment();
    }

    @AfterAll
    static void close() {
        ggml.close();
    }

    /**
     * Every type but the IQ1/IQ2/IQ3 lattice types: some have no {@code quantize_row_<type>_ref},
     * and on the HUGE rows ggml aborts the process in their searches; Iq1OracleTest, Iq2OracleTest
     * and Iq3OracleTest check them (their _ref too) with importance matrices and rows ggml survives.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = GgufCodecs.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"IQ1_S", "IQ1_M", "IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ3_XXS", "IQ3_S"})
    void bytesAndFloatsEqualGgmls(GgufCodecs type) {
        BlockCodec codec = type.codec();
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int row = 0; row < ROWS; row++) {
            Shape shape = Shape.values()[row % Shape.values().length];
            int blocks = row % 7 == 0 ? 1 + random.nextInt(24) : 1 + random.nextInt(3);
            float[] x = shape.row(random, blocks * codec.blockSize());
            String what = type + " row " + row + " (" + shape + ", " + blocks + " blocks, seed " + seed + ")";
            byte[] ours = codec.encode(x);
            byte[] theirs = ggml.quantize(type.name(), x, ours.length);
            if (type == GgufCodecs.IQ4_NL) {
                undefinedLeadingNibbles(x, ours, theirs);
            }
            assertThat(HexFormat.of().formatHex(ours)).as(what + ": bytes").isEqualTo(HexFormat.of().formatHex(theirs));
            if (type == GgufCodecs.Q8_K) {
                continue; // an activation format: ggml has no dequantize_row_q8_K in use, nor does the lab
            }
            float[] decoded = codec.decode(ours, x.length);
            float[] expected = ggml.dequantize(type.name(), theirs, x.length);
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(decoded[i]) != Float.floatToRawIntBits(expected[i])) {
                    throw new AssertionError(what + ": value " + i + " decodes to " + decoded[i] + ", ggml " + expected[i]);
                }
            }
        }
    }

    /** IQ4_NL as llama-quantize writes it: {@code quantize_iq4_nl}'s 15-scale search, every index re-picked. */
    @org.junit.jupiter.api.Test
    void iq4NlChunksEqualWhatLlamaQuantizeWrites() {
        IQ4_NLCodec codec = new IQ4_NLCodec();
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int row = 0; row < ROWS; row++) {
            Shape shape = Shape.values()[row % Shape.values().length];
            float[] x = shape.row(random, 32 * (1 + random.nextInt(16)));
            byte[] ours = codec.encodeChunk(x);
            byte[] theirs = ggml.quantizeChunk(IQ4_NL_TYPE, x, ours.length);
            assertThat(HexFormat.of().formatHex(ours)).as("IQ4_NL chunk row " + row + " (" + shape + ", seed " + seed + ")")
                    .isEqualTo(HexFormat.of().formatHex(theirs));
        }
    }

    /** {@code GGML_TYPE_IQ4_NL} in ggml/include/ggml.h. */
    private static final int IQ4_NL_TYPE = 20;

    /**
     * ggml's {@code quantize_row_iq4_nl_ref} packs a skipped block's indices from the previous block
     * (reproduced); for skipped blocks before any other, from uninitialized stack. Those nibbles are
     * taken from ggml, so everything defined is compared.
     */
    private static void undefinedLeadingNibbles(float[] x, byte[] ours, byte[] theirs) {
        for (int b = 0; b * 32 < x.length; b++) {
            float amax = 0;
            for (int i = 0; i < 32; i++) {
                amax = Math.max(amax, Math.abs(x[b * 32 + i]));
            }
            if (amax >= 1e-15f) {
                return;
            }
            System.arraycopy(theirs, b * 18 + 2, ours, b * 18 + 2, 16);
        }
    }

    /** The row shapes quantizers get wrong in different ways. */
    enum Shape {
        GAUSSIAN, HEAVY_TAILED, OUTLIERS, TINY, HUGE, ZERO_BLOCKS, CONSTANT, MIXED_SIGNS_SMALL;

        float[] row(SplittableRandom r, int n) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                double g = gaussian(r);
                x[i] = (float) switch (this) {
                    case GAUSSIAN -> g;
                    case HEAVY_TAILED -> g / Math.max(1e-3, Math.abs(gaussian(r))); // Cauchy-like
                    case OUTLIERS -> r.nextInt(50) == 0 ? g * 300 : g * 0.02;
                    case TINY -> g * 1e-30;
                    case HUGE -> g * 1e30;
                    case ZERO_BLOCKS -> (i / 32) % 2 == 0 ? 0.0 : g;
                    case CONSTANT -> 0.75;
                    case MIXED_SIGNS_SMALL -> (r.nextBoolean() ? 1 : -1) * r.nextInt(4) / 7.0;
                };
            }
            return x;
        }

        private static double gaussian(SplittableRandom r) {
            double u = 1 - r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
        }
    }
}
