package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IQ1_SCodecTest {

    /** Literal entries of {@code iq1s_grid} in the pinned ggml-common.h (index → uint64). */
    static final int[] INDICES = {0, 1, 2, 3, 1024, 1025, 1026, 1027, 2044, 2045, 2046, 2047};
    static final long[] LITERALS = {
            0xffffffffffffffffL, 0xffffffffffffff01L, 0xffffffffffff0000L, 0xffffffffffff01ffL,
            0x0000000000ff0100L, 0x000000000000ffffL, 0x000000000000ff00L, 0x000000000000ff01L,
            0x010101010101ffffL, 0x010101010101ff01L, 0x01010101010101ffL, 0x0101010101010101L,
    };

    private final IQ1_SCodec codec = new IQ1_SCodec();

    /** The int8 coordinate {@code j} of a literal grid entry, as ggml reads it. */
    static int literal(int entry, int j) {
        return (byte) (LITERALS[entry] >>> 8 * j);
    }

    @Test
    void gridDerivedFromKgridMatchesGgmlsLiteralTable() {
        Iq2Lattice lattice = Iq2Lattice.iq1s();
        for (int e = 0; e < INDICES.length; e++) {
            for (int j = 0; j < 8; j++) {
                assertThat(Iq1Search.gridValue(lattice, INDICES[e], j)).as("iq1s_grid[%d][%d]", INDICES[e], j)
                        .isEqualTo(literal(e, j));
            }
        }
    }

    @Test
    void decodesAHandBuiltBlockFromTheLiteralGrid() {
        byte[] block = new byte[IQ1_SCodec.BYTES];
        Bytes.putFp16(block, 0, 0.5f);
        // sub-block 0: indices 1024, 1025, 2046, 3; scale 2 (×5), negative shift
        int[] idx = {1024, 1025, 2046, 3};
        int qh = 2 << 12 | 0x8000;
        for (int l = 0; l < 4; l++) {
            block[2 + l] = (byte) idx[l];
            qh |= (idx[l] >> 8) << 3 * l;
        }
        Bytes.putShort(block, 34, qh);
        // sub-block 7: index 2047 in its first group, scale 7 (×15), positive shift
        block[2 + 28] = (byte) 2047;
        Bytes.putShort(block, 34 + 14, 7 << 12 | 2047 >> 8);
        float[] y = codec.decode(block, 256);
        int[] entries = {4, 5, 10, 3};
        for (int l = 0; l < 4; l++) {
            for (int j = 0; j < 8; j++) {
                assertThat(y[8 * l + j]).isEqualTo(0.5f * 5 * (literal(entries[l], j) - 0.125f));
            }
        }
        for (int j = 0; j < 8; j++) {
            assertThat(y[224 + j]).isEqualTo(0.5f * 15 * (1 + 0.125f));
            assertThat(y[232 + j]).isEqualTo(0.5f * 15 * (-1 + 0.125f)); // index 0, all −1
        }
        assertThat(y[40]).isEqualTo(0.5f * 1 * (-1 + 0.125f)); // sub-block 1: scale 0 (×1), index 0
    }

    @Test
    void zeroRowIsAllZeroBytes() {
        assertThat(codec.encode(new float[512])).hasSize(100).containsOnly(0);
    }

    @Test
    void roundTripFollowsTheSignalAndUniformImportanceIsTheDefault() {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[1024];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        byte[] bytes = codec.encode(x);
        float[] ones = new float[1024];
        Arrays.fill(ones, 1f);
        assertThat(codec.encode(x, ones)).isEqualTo(bytes);
        float[] y = codec.decode(bytes, x.length);
        double err = 0;
        double sig = 0;
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            err += (x[i] - y[i]) * (x[i] - y[i]);
            sig += x[i] * x[i];
            dot += x[i] * y[i];
        }
        assertThat(err / sig).isLessThan(0.5);
        assertThat(dot).isPositive();
    }

    @Test
    void rowsAreQuantizedIndependentlyWithTheSameColumnImportance() {
        SplittableRandom r = new SplittableRandom(11);
        float[] x = new float[768];
        float[] w = new float[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble(-3, 3);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(0, 2);
        }
        byte[] all = codec.encode(x, w);
        for (int row = 0; row < 3; row++) {
            byte[] one = codec.encode(Arrays.copyOfRange(x, 256 * row, 256 * row + 256), w);
            assertThat(Arrays.copyOfRange(all, 50 * row, 50 * row + 50)).isEqualTo(one);
        }
        assertThatThrownBy(() -> codec.encode(x, new float[100])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortIsGlibcsMergeSortEvenWithNaN() {
        // stable on ties; NaN compares equal to everything, so it splits the order into runs
        float[] v = {3, 1, 2, 1, Float.NaN, 0, -1, 2};
        int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
        Iq1Search.sort(v, idx, 8, new float[8], new int[8]);
        // left half sorts to 1,1,2,3 (indices 1,3,2,0); right: (NaN|0) → NaN,0 and (−1|2) → −1,2 merge to
        // NaN,−1,0,2; the final merge takes every left value before NaN, as cmp(x, NaN) = 0
        assertThat(idx).containsExactly(1, 3, 2, 0, 4, 6, 5, 7);
    }
}
