package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.IQ2_XXSCodecTest.group;
import static app.bytewise.quant.gguf.IQ2_XXSCodecTest.relativeRmse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IQ2_SCodecTest {

    private final IQ2_SCodec codec = new IQ2_SCodec();

    /**
     * Sub-block 0 holds grid indices 1, 2, 100 and 1023 (its top bits in qh[0] = 0xC0; iq2s_grid
     * entries 0x080808080808082b, 0x0808080808081919, 0x080819081919192b, 0x2b2b2b2b2b2b2b2b), sign
     * bytes 0x01, 0x00, 0x03, 0xFF (8 plain sign bits, no parity) and scales 3 and 5 (db 0.875 and
     * 1.375); the rest is zero bytes: index 0 (all 0x08), no signs, db = 0.125, every value 1.
     */
    @Test
    void decodesAHandBuiltBlockFromGgmlsGridEntries() {
        byte[] block = new byte[82];
        Bytes.putShort(block, 0, 0x3c00); // fp16 1.0
        block[2] = 1;
        block[3] = 2;
        block[4] = 100;
        block[5] = (byte) 0xFF;
        block[34] = 0x01;
        block[36] = 0x03;
        block[37] = (byte) 0xFF;
        block[66] = (byte) 0xC0;
        block[74] = 3 | 5 << 4;
        float[] expected = new float[256];
        Arrays.fill(expected, 1f);
        group(expected, 0, 0x080808080808082bL, 0x01, 0.875f);
        group(expected, 8, 0x0808080808081919L, 0, 0.875f);
        group(expected, 16, 0x080819081919192bL, 0x03, 1.375f);
        group(expected, 24, 0x2b2b2b2b2b2b2b2bL, 0xFF, 1.375f);
        float[] y = codec.decode(block, 256);
        assertThat(y).containsExactly(expected);
        assertThat(Arrays.copyOf(y, 8)).containsExactly(-37.625f, 7f, 7f, 7f, 7f, 7f, 7f, 7f);
        assertThat(Arrays.copyOfRange(y, 24, 32)).containsOnly(-59.125f);
    }

    @Test
    void zeroBlockIsAllZeroBytes() {
        assertThat(codec.encode(new float[256])).hasSize(82).containsOnly(0);
        assertThat(codec.requiresImatrix()).isFalse();
    }

    @Test
    void roundTripKeepsGaussianRowsCloseWithAndWithoutImportance() {
        Random random = new Random(9);
        float[] x = new float[3 * 256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        byte[] plain = codec.encode(x);
        assertThat(relativeRmse(x, codec.decode(plain, x.length), 0, x.length)).isBetween(0.05, 0.4);
        float[] importance = new float[768];
        for (int i = 0; i < importance.length; i++) {
            importance[i] = (float) Math.exp(random.nextGaussian());
        }
        byte[] weighted = codec.encode(x, importance);
        // without a matrix ggml weighs by sigma²/4 + x², not uniformly: the bytes differ
        assertThat(weighted).isNotEqualTo(plain);
        assertThat(relativeRmse(x, codec.decode(weighted, x.length), 0, x.length)).isBetween(0.05, 0.5);
        float[] rowImportance = Arrays.copyOf(importance, 256);
        byte[] rows = codec.encode(x, rowImportance);
        byte[] last = codec.encode(Arrays.copyOfRange(x, 512, 768), rowImportance);
        assertThat(Arrays.copyOfRange(rows, 164, 246)).isEqualTo(last);
    }
}
