package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** IQ3_S's layout against ggml-common.h's literal {@code iq3s_grid}, and encoder properties. */
class IQ3_SCodecTest {

    private final IQ3_SCodec codec = new IQ3_SCodec();

    @Test
    void decodesAHandBuiltBlock() {
        byte[] block = new byte[IQ3_SCodec.BYTES];
        block[1] = 0x3c; // d = 1.0
        block[2] = 1; // iq3s_grid[1] = 0x01010103: 3, 1, 1, 1
        block[3] = (byte) 255; // with qh bit 1: iq3s_grid[511] = 0x0f0f0101: 1, 1, 15, 15
        block[2 + 64] = 0b10; // qh[0]
        block[2 + 64 + 8] = (byte) 0x81; // signs[0]: values 0 and 7 negative
        block[2 + 64 + 8 + 32] = 0x21; // sub-block 0 scale 1 (×3), sub-block 1 scale 2 (×5)
        float[] y = codec.decode(block, 256);
        assertThat(Arrays.copyOf(y, 8)).containsExactly(-9f, 3f, 3f, 3f, 3f, 3f, 45f, -45f);
        assertThat(Arrays.copyOfRange(y, 8, 32)).containsOnly(3f); // grid point 0: all ones
        assertThat(Arrays.copyOfRange(y, 32, 64)).containsOnly(5f);
        assertThat(Arrays.copyOfRange(y, 64, 256)).containsOnly(1f);
    }

    @Test
    void aZeroSubBlockShiftsTheNextOnesQsAndSignsForward() {
        SplittableRandom random = new SplittableRandom(11);
        float[] x = new float[256];
        for (int i = 32; i < 256; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        float[] filled = x.clone();
        for (int i = 0; i < 32; i++) {
            filled[i] = (float) random.nextDouble(-1, 1);
        }
        byte[] shifted = codec.encode(x);
        byte[] normal = codec.encode(filled);
        // qs and signs of sub-blocks 1..7 land where 0..6 belong; the last slots stay zero
        assertThat(Arrays.copyOfRange(shifted, 2, 2 + 56)).isEqualTo(Arrays.copyOfRange(normal, 2 + 8, 2 + 64));
        assertThat(Arrays.copyOfRange(shifted, 2 + 56, 2 + 64)).containsOnly(0);
        assertThat(Arrays.copyOfRange(shifted, 74, 74 + 28)).isEqualTo(Arrays.copyOfRange(normal, 74 + 4, 74 + 32));
        assertThat(Arrays.copyOfRange(shifted, 74 + 28, 106)).containsOnly(0);
        // qh is indexed by sub-block, not shifted
        assertThat(Arrays.copyOfRange(shifted, 67, 74)).isEqualTo(Arrays.copyOfRange(normal, 67, 74));
        assertThat(shifted[66]).isZero();
    }

    @Test
    void roundTripIsCloseAndKeepsSigns() {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[768];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble(-1, 1) * (1 + 3 * random.nextDouble()));
        }
        float[] y = codec.decode(codec.encode(x), x.length);
        double err = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            err += (x[i] - y[i]) * (x[i] - y[i]);
            sum += x[i] * x[i];
            if (x[i] != 0) {
                assertThat(Math.signum(y[i])).as("value " + i).isEqualTo(Math.signum(x[i]));
            }
        }
        assertThat(Math.sqrt(err / sum)).isLessThan(0.25).isGreaterThan(0);
    }

    @Test
    void zeroRowIsZeroBytesButATinyOneKeepsItsGridPoints() {
        assertThat(codec.encode(new float[256])).hasSize(110).containsOnly(0);
        float[] tiny = new float[256];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = (i % 3 - 1) * 1e-20f; // no epsilon in IQ3_S, but d underflows in fp16
        }
        byte[] block = codec.encode(tiny);
        assertThat(Arrays.copyOf(block, 2)).containsOnly(0);
        assertThat(Arrays.copyOfRange(block, 74, 106)).isNotEqualTo(new byte[32]); // signs of the -1e-20s
    }

    @Test
    void importanceChangesTheBytesAndRowsAreIndependent() {
        SplittableRandom random = new SplittableRandom(9);
        float[] x = new float[512];
        float[] w = new float[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.exp(random.nextDouble(-2, 2));
        }
        byte[] all = codec.encode(x, w);
        assertThat(Arrays.copyOfRange(all, 110, 220)).isEqualTo(codec.encode(Arrays.copyOfRange(x, 256, 512), w));
        assertThat(all).isNotEqualTo(codec.encode(x));
    }
}
