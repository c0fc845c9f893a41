package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.oracle.llamacpp.GgmlQuantizerOracleTest.Shape;
import app.bytewise.quant.gguf.IQ1_MCodec;
import app.bytewise.quant.gguf.IQ1_SCodec;
import app.bytewise.quant.gguf.ImatrixCodec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IQ1_S and IQ1_M against the pinned ggml's {@code ggml_quantize_chunk} and {@code dequantize_row_*},
 * live: fresh rows each run (the seed is in every failure message), all shapes, one or several rows
 * per chunk, random importance matrices with zeros, and none where ggml allows it. Bytes must equal
 * ggml's, decoded floats ggml's bit for bit.
 */
@OnLlamaCpp
class Iq1OracleTest {

    private static final int ROWS = 2_000;
    /** {@code enum ggml_type} in ggml/include/ggml.h. */
    private static final int IQ1_S = 19;
    private static final int IQ1_M = 29;

    private static GgmlQuantizers ggml;

    @BeforeAll
    static void load() {
        ggml = GgmlQuantizers.fromEnvironment();
    }

    @AfterAll
    static void close() {
        ggml.close();
    }

    @Test
    void iq1SEqualsGgml() {
        compare(new IQ1_SCodec(), "IQ1_S", IQ1_S);
    }

    @Test
    void iq1MEqualsGgml() {
        compare(new IQ1_MCodec(), "IQ1_M", IQ1_M);
    }

    private static void compare(ImatrixCodec codec, String name, int type) {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int aborts = 0;
        for (int row = 0; row < ROWS; row++) {
            Shape shape = Shape.values()[row % Shape.values().length];
            int blocks = row % 9 == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(3);
            int rows = row % 3 == 0 ? 1 + random.nextInt(4) : 1;
            int nPerRow = blocks * codec.blockSize();
            float[] x = shape.row(random, rows * nPerRow);
            float[] importance = importance(random, row, nPerRow);
            String what = name + " row " + row + " (" + shape + ", " + rows + " × " + blocks + " blocks, "
                    + (importance == null ? "no" : "an") + " importance, seed " + seed + ")";
            byte[] ours;
            try {
                ours = importance == null ? codec.encode(x) : codec.encode(x, importance);
            } catch (IllegalStateException e) {
                aborts++; // where ggml would abort (GGML_ASSERT) the process: not asked
                continue;
            }
            float[] theirImportance = importance == null && codec.requiresImatrix() ? ones(nPerRow) : importance;
            byte[] theirs = ggml.quantizeChunk(type, x, nPerRow, theirImportance, ours.length);
            assertThat(HexFormat.of().formatHex(ours)).as(what + ": bytes").isEqualTo(HexFormat.of().formatHex(theirs));
            float[] decoded = codec.decode(ours, x.length);
            float[] expected = ggml.dequantize(name, theirs, x.length);
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(decoded[i]) != Float.floatToRawIntBits(expected[i])) {
                    throw new AssertionError(what + ": value " + i + " decodes to " + decoded[i] + ", ggml " + expected[i]);
                }
            }
        }
        assertThat(aborts).as(name + " rows ggml would abort on (seed " + seed + ")").isLessThan(ROWS / 100);
    }

    /**
     * Every fourth row none (the codec's {@link ImatrixCodec#encode(float[])}: uniform where ggml
     * requires one), otherwise exp of a gaussian, with a tenth of the columns zero every other time.
     */
    private static float[] importance(SplittableRandom random, int row, int n) {
        if (row % 4 == 1) {
            return null;
        }
        boolean zeros = row % 2 == 0;
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = zeros && random.nextInt(10) == 0 ? 0f : (float) Math.exp(random.nextGaussian());
        }
        return w;
    }

    private static float[] ones(int n) {
        float[] w = new float[n];
        Arrays.fill(w, 1f);
        return w;
    }
}
