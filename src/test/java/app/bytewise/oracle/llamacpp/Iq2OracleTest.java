package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.oracle.llamacpp.GgmlQuantizerOracleTest.Shape;
import app.bytewise.quant.gguf.IQ2_SCodec;
import app.bytewise.quant.gguf.IQ2_XSCodec;
import app.bytewise.quant.gguf.IQ2_XXSCodec;
import app.bytewise.quant.gguf.ImatrixCodec;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IQ2_XXS, IQ2_XS and IQ2_S against the pinned ggml, live: fresh rows each run (seed printed on
 * failure) of every shape, in chunks of one or several rows ({@code ggml_quantize_chunk}), with
 * random importance matrices (some columns zero), uniform ones, and none where ggml allows it. Bytes
 * must equal ggml's and decoded floats ggml's {@code dequantize_row_*} bit for bit.
 * <p>
 * Half the HUGE rows (~1e30) are kept: their squares overflow, which mostly gives zero blocks, but
 * where a weighted distance overflows ggml aborts (an assertion in {@code iq2_find_best_neighbour}
 * or on the scale); the codecs throw there instead, which is checked without calling ggml. The
 * other HUGE rows are scaled to ~1e11, large yet finite throughout.
 */
@OnLlamaCpp
class Iq2OracleTest {

    private static final int ROWS = 2_000;
    private static final HexFormat HEX = HexFormat.of();
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
    void iq2XxsEqualsGgml() {
        check(new IQ2_XXSCodec(), 16, false);
    }

    @Test
    void iq2XsEqualsGgml() {
        check(new IQ2_XSCodec(), 17, false);
    }

    @Test
    void iq2SEqualsGgml() {
        check(new IQ2_SCodec(), 22, true);
    }

    private static void check(ImatrixCodec codec, int ggmlType, boolean hasRef) {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int compared = 0;
        int aborted = 0;
        for (int row = 0; row < ROWS; row++) {
            Shape shape = Shape.values()[row % Shape.values().length];
            int blocks = row % 7 == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(3);
            int rows = splitInto(blocks, random);
            int perRow = blocks / rows * codec.blockSize();
            float[] x = shape.row(random, blocks * codec.blockSize());
            boolean overflowing = shape == Shape.HUGE && row % 16 < 8;
            if (shape == Shape.HUGE && !overflowing) {
                for (int i = 0; i < x.length; i++) {
                    x[i] *= 1e-19f; // ~1e11: squares, block sums and weighted distances stay finite
                }
            }
            Importance kind = Importance.values()[random.nextInt(Importance.values().length)];
            if (kind == Importance.NONE && codec.requiresImatrix()) {
                kind = Importance.UNIFORM;
            }
            float[] importance = kind.weights(random, perRow);
            float[] chunkImportance = kind == Importance.UNIFORM ? Importance.ones(perRow) : importance;
            float[] ourImportance = kind == Importance.UNIFORM && !codec.requiresImatrix() ? chunkImportance : importance;
            String what = codec.name() + " row " + row + " (" + shape + ", " + blocks + " blocks in " + rows
                    + " rows, importance " + kind + ", seed " + seed + ")";
            byte[] ours;
            try {
                ours = ourImportance == null ? codec.encode(x) : codec.encode(x, ourImportance);
            } catch (IllegalStateException e) {
                assertThat(overflowing).as(what + ": only overflowing rows make ggml abort, but: " + e.getMessage()).isTrue();
                aborted++;
                continue;
            }
            int bytes = blocks * codec.bytesPerBlock();
            byte[] theirs = ggml.quantizeChunk(ggmlType, x, perRow, chunkImportance, bytes);
            assertThat(HEX.formatHex(ours)).as(what + ": bytes").isEqualTo(HEX.formatHex(theirs));
            if (hasRef && kind == Importance.NONE) {
                assertThat(HEX.formatHex(ours)).as(what + ": quantize_row_ref bytes")
                        .isEqualTo(HEX.formatHex(ggml.quantize(codec.name(), x, bytes)));
            }
            float[] decoded = codec.decode(ours, x.length);
            float[] expected = ggml.dequantize(codec.name(), theirs, x.length);
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(decoded[i]) != Float.floatToRawIntBits(expected[i])) {
                    throw new AssertionError(what + ": value " + i + " decodes to " + decoded[i] + ", ggml " + expected[i]);
                }
            }
            compared++;
        }
        assertThat(compared).as(codec.name() + " rows compared (seed " + seed + ")").isGreaterThan(ROWS * 9 / 10);
        assertThat(aborted).as(codec.name() + " rows where ggml would abort").isLessThanOrEqualTo(ROWS / 16 + 1);
    }

    /** A divisor of {@code blocks}: the chunk is split into that many rows, or is one row. */
    private static int splitInto(int blocks, SplittableRandom random) {
        if (random.nextBoolean()) {
            return 1;
        }
        int rows = 1 + random.nextInt(blocks);
        while (blocks % rows != 0) {
            rows--;
        }
        return rows;
    }

    /** The importance matrices llama-quantize may pass. */
    private enum Importance {
        /** exp of a gaussian per column, as squared activations spread. */
        RANDOM,
        /** The same with about one column in eight zero. */
        WITH_ZEROS,
        /** Every column 1: what the codecs' plain encode uses where ggml requires a matrix. */
        UNIFORM,
        /** No matrix (only where ggml allows it). */
        NONE;

        float[] weights(SplittableRandom r, int n) {
            return switch (this) {
                case RANDOM, WITH_ZEROS -> {
                    float[] w = new float[n];
                    for (int i = 0; i < n; i++) {
                        boolean zero = this == WITH_ZEROS && r.nextInt(8) == 0;
                        w[i] = zero ? 0f : (float) Math.exp(r.nextGaussian());
                    }
                    yield w;
                }
                case UNIFORM, NONE -> null;
            };
        }

        static float[] ones(int n) {
            float[] w = new float[n];
            java.util.Arrays.fill(w, 1f);
            return w;
        }
    }
}
