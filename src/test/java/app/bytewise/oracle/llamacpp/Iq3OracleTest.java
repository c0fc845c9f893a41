package app.bytewise.oracle.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.oracle.llamacpp.GgmlQuantizerOracleTest.Shape;
import app.bytewise.quant.gguf.IQ3_SCodec;
import app.bytewise.quant.gguf.IQ3_XXSCodec;
import app.bytewise.quant.gguf.ImatrixCodec;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * IQ3_XXS and IQ3_S against the pinned ggml, live: fresh rows each run (seed printed on failure) of
 * every shape, one row or several per chunk, without an importance matrix and with random ones
 * (some columns zero); bytes must equal {@code ggml_quantize_chunk}'s (and, without importance,
 * {@code quantize_row_<type>_ref}'s), decoded floats {@code dequantize_row_<type>}'s bit for bit.
 */
@OnLlamaCpp
class Iq3OracleTest {

    private static final int ROWS = 2_000;
    private static GgmlQuantizers ggml;

    enum Type {
        IQ3_XXS(18, IQ3_XXSCodec::new),
        IQ3_S(21, IQ3_SCodec::new);

        final int ggmlId;
        final Supplier<ImatrixCodec> codec;

        Type(int ggmlId, Supplier<ImatrixCodec> codec) {
            this.ggmlId = ggmlId;
            this.codec = codec;
        }
    }

    @BeforeAll
    static void load() {
        ggml = GgmlQuantizers.fromEnvironment();
        for (Type type : Type.values()) {
            // quantize_row_<type>_ref needs the lattice ggml_quantize_chunk initializes
            ggml.quantizeChunk(type.ggmlId, new float[256], type.codec.get().bytesPerBlock());
        }
    }

    @AfterAll
    static void close() {
        ggml.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Type.class)
    void bytesAndFloatsEqualGgmls(Type type) {
        ImatrixCodec codec = type.codec.get();
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        int rescaled = 0;
        for (int row = 0; row < ROWS; row++) {
            Shape shape = Shape.values()[row % Shape.values().length];
            int blocks = row % 7 == 0 ? 1 + random.nextInt(16) : 1 + random.nextInt(3);
            int rows = divisor(random, blocks);
            int nPerRow = blocks / rows * 256;
            float[] x = shape.row(random, blocks * 256);
            float[] importance = switch (row % 3) {
                case 0 -> null;
                case 1 -> importance(random, nPerRow, 0);
                default -> importance(random, nPerRow, 0.2);
            };
            String what = type + " row " + row + " (" + shape + ", " + blocks + " blocks in " + rows + " rows, "
                    + (importance == null ? "no importance" : "importance") + ", seed " + seed + ")";
            byte[] ours;
            try {
                ours = encode(codec, x, importance);
            } catch (IllegalStateException e) {
                // ggml aborts the process here (squares overflow: no finite neighbour error); only
                // HUGE rows get there, so they are checked again at a scale ggml survives
                assertThat(shape).as(what + ": " + e.getMessage()).isEqualTo(Shape.HUGE);
                rescaled++;
                for (int i = 0; i < x.length; i++) {
                    x[i] *= 1e-19f;
                }
                ours = encode(codec, x, importance);
            }
            byte[] theirs = ggml.quantizeChunk(type.ggmlId, x, nPerRow, importance, ours.length);
            assertThat(HexFormat.of().formatHex(ours)).as(what + ": bytes").isEqualTo(HexFormat.of().formatHex(theirs));
            if (importance == null) {
                byte[] ref = ggml.quantize(type.name(), x, ours.length);
                assertThat(HexFormat.of().formatHex(ours)).as(what + ": _ref bytes").isEqualTo(HexFormat.of().formatHex(ref));
            }
            float[] decoded = codec.decode(ours, x.length);
            float[] expected = ggml.dequantize(type.name(), theirs, x.length);
            for (int i = 0; i < x.length; i++) {
                if (Float.floatToRawIntBits(decoded[i]) != Float.floatToRawIntBits(expected[i])) {
                    throw new AssertionError(what + ": value " + i + " decodes to " + decoded[i] + ", ggml " + expected[i]);
                }
            }
        }
        System.out.println(type + ": " + ROWS + " rows equal ggml's (seed " + seed + "), " + rescaled
                + " HUGE rows rescaled by 1e-19 where ggml would abort");
    }

    private static byte[] encode(ImatrixCodec codec, float[] x, float[] importance) {
        return importance == null ? codec.encode(x) : codec.encode(x, importance);
    }

    /** A random divisor of {@code blocks}: the number of rows the chunk is split into. */
    private static int divisor(SplittableRandom random, int blocks) {
        while (true) {
            int d = 1 + random.nextInt(blocks);
            if (blocks % d == 0) {
                return d;
            }
        }
    }

    /** exp of a gaussian per column, a fraction {@code zeros} of them 0. */
    private static float[] importance(SplittableRandom random, int n, double zeros) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - random.nextDouble();
            double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
            w[i] = random.nextDouble() < zeros ? 0f : (float) Math.exp(g);
        }
        return w;
    }
}
