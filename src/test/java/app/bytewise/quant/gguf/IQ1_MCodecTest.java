package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.IQ1_SCodecTest.literal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IQ1_MCodecTest {

    private final IQ1_MCodec codec = new IQ1_MCodec();

    @Test
    void decodesAHandBuiltBlockFromTheLiteralGrid() {
        byte[] block = new byte[IQ1_MCodec.BYTES];
        // d = 0.5 (fp16 0x3800) spread over the top nibbles of the four scale words
        int d = Float.floatToFloat16(0.5f);
        int[] sc = {(d & 0xF) << 12, (d & 0xF0) << 8, (d & 0xF00) << 4, d & 0xF000};
        sc[0] |= 2 | 5 << 3; // sub-block 0 scale 2 (×5), sub-block 1 scale 5 (×11)
        for (int i = 0; i < 4; i++) {
            Bytes.putShort(block, 48 + 2 * i, sc[i]);
        }
        // sub-block 0: indices 1024 (shift −) and 2046 (shift +); sub-block 1: 1025 (+) and 3 (−)
        block[0] = (byte) 1024;
        block[1] = (byte) 2046;
        block[32] = (byte) ((1024 >> 8) | 0x08 | (2046 >> 8) << 4);
        block[2] = (byte) 1025;
        block[3] = 3;
        block[33] = (byte) ((1025 >> 8) | 0x80);
        float[] y = codec.decode(block, 256);
        int[] entries = {4, 10, 5, 3}; // rows of IQ1_SCodecTest's literal table
        float[] dl = {2.5f, 2.5f, 5.5f, 5.5f};
        float[] delta = {-0.125f, 0.125f, 0.125f, -0.125f};
        for (int g = 0; g < 4; g++) {
            for (int j = 0; j < 8; j++) {
                assertThat(y[8 * g + j]).as("group %d value %d", g, j).isEqualTo(dl[g] * (literal(entries[g], j) + delta[g]));
            }
        }
        assertThat(y[32]).isEqualTo(0.5f * (-1 + 0.125f)); // scale 0 (×1), index 0, positive shift
    }

    @Test
    void zeroRowIsAllZeroBytes() {
        assertThat(codec.encode(new float[256])).hasSize(56).containsOnly(0);
    }

    @Test
    void roundTripFollowsTheSignalWithAndWithoutImportance() {
        SplittableRandom r = new SplittableRandom(3);
        float[] x = new float[512];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] ones = new float[512];
        Arrays.fill(ones, 1f);
        assertThat(codec.requiresImatrix()).isFalse();
        byte[] plain = codec.encode(x);
        byte[] weighted = codec.encode(x, ones);
        assertThat(weighted).isNotEqualTo(plain); // no importance means x² weights, not uniform ones
        for (byte[] bytes : new byte[][] {plain, weighted}) {
            float[] y = codec.decode(bytes, x.length);
            double err = 0;
            double sig = 0;
            for (int i = 0; i < x.length; i++) {
                err += (x[i] - y[i]) * (x[i] - y[i]);
                sig += x[i] * x[i];
            }
            assertThat(err / sig).isLessThan(0.4);
        }
    }

    @Test
    void scaleOfAGroupOfEqualValuesReachesTheTopLevel() {
        float[] x = new float[256];
        Arrays.fill(x, 0.75f);
        float[] y = codec.decode(codec.encode(x), 256);
        for (float v : y) {
            assertThat(v).isPositive().isCloseTo(0.75f, org.assertj.core.data.Offset.offset(0.15f));
        }
    }
}
