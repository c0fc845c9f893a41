package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IQ2_XXSCodecTest {

    private final IQ2_XXSCodec codec = new IQ2_XXSCodec();

    /**
     * Sub-block 0 holds grid indices 1, 2, 255, 100 (iq2xxs_grid entries 0x080808080808082b,
     * 0x0808080808081919, 0x2b2b2b1908081908, 0x08192b0808081908), sign fields 1, 0, 3, 127 (ksigns
     * 129, 0, 3, 255) and scale 3, so db = 1·3.5·0.25 = 0.875; the other sub-blocks are all zero
     * bytes: index 0 (all 0x08), no signs, db = 0.125, every value 1.
     */
    @Test
    void decodesAHandBuiltBlockFromGgmlsGridEntries() {
        byte[] block = new byte[66];
        Bytes.putShort(block, 0, 0x3c00); // fp16 1.0
        block[2] = 1;
        block[3] = 2;
        block[4] = (byte) 255;
        block[5] = 100;
        Bytes.putInt(block, 6, 1 | 0 << 7 | 3 << 14 | 127 << 21 | 3 << 28);
        float[] y = codec.decode(block, 256);
        float[] expected = new float[256];
        Arrays.fill(expected, 1f);
        group(expected, 0, 0x080808080808082bL, 129, 0.875f);
        group(expected, 8, 0x0808080808081919L, 0, 0.875f);
        group(expected, 16, 0x2b2b2b1908081908L, 3, 0.875f);
        group(expected, 24, 0x08192b0808081908L, 255, 0.875f);
        assertThat(y).containsExactly(expected);
        assertThat(Arrays.copyOf(y, 8)).containsExactly(-37.625f, 7f, 7f, 7f, 7f, 7f, 7f, -7f);
    }

    /** An all-zero block: ggml stores d = 0 and no indices. */
    @Test
    void zeroBlockIsAllZeroBytes() {
        assertThat(codec.encode(new float[256])).hasSize(66).containsOnly(0);
        assertThat(codec.decode(new byte[66], 256)).containsOnly(0f);
    }

    @Test
    void roundTripKeepsGaussianRowsCloseWithAndWithoutImportance() {
        Random random = new Random(7);
        float[] x = new float[4 * 256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = codec.decode(codec.encode(x), x.length);
        assertThat(relativeRmse(x, y, 0, x.length)).isBetween(0.05, 0.5);

        // weights that vary inside a sub-block move its scale (a common factor would not)
        float[] importance = new float[1024];
        for (int i = 0; i < importance.length; i++) {
            importance[i] = i % 32 < 8 ? 1e3f : 1e-3f;
        }
        byte[] weighted = codec.encode(x, importance);
        assertThat(weighted).isNotEqualTo(codec.encode(x));
        assertThat(relativeRmse(x, codec.decode(weighted, x.length), 0, x.length)).isBetween(0.05, 0.6);
    }

    @Test
    void uniformImportanceIsThePlainEncodeAndRowsAreIndependent() {
        Random random = new Random(11);
        float[] x = new float[3 * 256];
        float[] importance = new float[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * Math.exp(random.nextGaussian()));
        }
        for (int i = 0; i < importance.length; i++) {
            importance[i] = (float) Math.exp(random.nextGaussian());
        }
        float[] ones = new float[x.length];
        Arrays.fill(ones, 1f);
        assertThat(codec.encode(x, ones)).isEqualTo(codec.encode(x));
        byte[] rows = codec.encode(x, importance);
        for (int r = 0; r < 3; r++) {
            byte[] one = codec.encode(Arrays.copyOfRange(x, 256 * r, 256 * (r + 1)), importance);
            assertThat(Arrays.copyOfRange(rows, 66 * r, 66 * (r + 1))).isEqualTo(one);
        }
        assertThat(codec.requiresImatrix()).isTrue();
    }

    @Test
    void rejectsRowsThatAreNotWholeBlocks() {
        assertThatThrownBy(() -> codec.encode(new float[512], new float[100])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encode(new float[300], new float[256])).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Weighted distances that overflow make ggml abort (no neighbour is nearer than FLT_MAX); the codec
     * throws instead of writing bytes ggml never would. Values whose squares overflow give ggml's fit
     * a NaN Σwl², hence a zero scale: the block is stored as zero.
     */
    @Test
    void overflowingValuesThrowWhereGgmlAbortsOrGiveZeroBlocks() {
        Random random = new Random(3);
        float[] large = new float[256];
        float[] huge = new float[256];
        for (int i = 0; i < 256; i++) {
            large[i] = (float) (random.nextGaussian() * 1e17);
            huge[i] = (float) (random.nextGaussian() * 1e30);
        }
        assertThatThrownBy(() -> codec.encode(large)).isInstanceOf(IllegalStateException.class);
        assertThat(codec.encode(huge)).containsOnly(0);
    }

    /** Expected decoded values of one group: {@code db · entry byte j · ±1}, sign j from bit j of {@code signs}. */
    static void group(float[] y, int yo, long gridEntry, int signs, float db) {
        for (int j = 0; j < 8; j++) {
            y[yo + j] = db * (int) (gridEntry >>> 8 * j & 0xFF) * ((signs >> j & 1) != 0 ? -1f : 1f);
        }
    }

    static double relativeRmse(float[] x, float[] y, int from, int to) {
        double err = 0;
        double norm = 0;
        for (int i = from; i < to; i++) {
            err += (x[i] - y[i]) * (double) (x[i] - y[i]);
            norm += x[i] * (double) x[i];
        }
        return Math.sqrt(err / norm);
    }
}
