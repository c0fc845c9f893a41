package app.bytewise.quant.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** IQ3_XXS's layout and grid against ggml-common.h's literal tables, and encoder properties. */
class IQ3_XXSCodecTest {

    private final IQ3_XXSCodec codec = new IQ3_XXSCodec();

    @Test
    void gridIsGgmlsIq3xxsGrid() {
        assertThat(IQ3_XXSCodec.gridValues(0)).isEqualTo(0x04040404);
        assertThat(IQ3_XXSCodec.gridValues(1)).isEqualTo(0x04040414);
        assertThat(IQ3_XXSCodec.gridValues(5)).isEqualTo(0x04040c3e);
        assertThat(IQ3_XXSCodec.gridValues(100)).isEqualTo(0x14040c1c);
        assertThat(IQ3_XXSCodec.gridValues(255)).isEqualTo(0x3e341c04);
    }

    @Test
    void signsAreGgmlsKsignsIq2xs() {
        assertThat(IQ3_XXSCodec.signs(0)).isEqualTo(0);
        assertThat(IQ3_XXSCodec.signs(1)).isEqualTo(129);
        assertThat(IQ3_XXSCodec.signs(3)).isEqualTo(3);
        assertThat(IQ3_XXSCodec.signs(85)).isEqualTo(85);
        assertThat(IQ3_XXSCodec.signs(84)).isEqualTo(212);
        assertThat(IQ3_XXSCodec.signs(127)).isEqualTo(255);
    }

    @Test
    void decodesAHandBuiltBlock() {
        byte[] block = new byte[IQ3_XXSCodec.BYTES];
        block[1] = 0x3c; // d = 1.0
        block[2] = 5; // iq3xxs_grid[5] = 0x04040c3e: 62, 12, 4, 4
        block[3] = (byte) 255; // 0x3e341c04: 4, 28, 52, 62
        Bytes.putInt(block, 2 + 64, 3 << 28 | 1); // scale 3, first group's sign bit 0 (parity sets bit 7)
        float[] y = codec.decode(block, 256);
        float db = 1.75f; // (0.5 + 3)·0.5
        assertThat(Arrays.copyOf(y, 8)).containsExactly(-62 * db, 12 * db, 4 * db, 4 * db, 4 * db, 28 * db, 52 * db, -62 * db);
        assertThat(Arrays.copyOfRange(y, 8, 32)).containsOnly(4 * db);
        assertThat(Arrays.copyOfRange(y, 32, 256)).containsOnly(0.25f * 4); // scale 0: (0.5 + 0)·0.5
    }

    @Test
    void roundTripIsCloseAndKeepsSignsOfLargeValues() {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[512];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble(-1, 1) * (1 + 3 * random.nextDouble()));
        }
        float[] y = codec.decode(codec.encode(x), x.length);
        double err = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            err += (x[i] - y[i]) * (x[i] - y[i]);
            sum += x[i] * x[i];
            if (Math.abs(x[i]) > 1) {
                assertThat(Math.signum(y[i])).as("value " + i).isEqualTo(Math.signum(x[i]));
            }
        }
        assertThat(Math.sqrt(err / sum)).isLessThan(0.3).isGreaterThan(0);
    }

    @Test
    void zeroRowIsZeroBytesAndTinyRowToo() {
        assertThat(codec.encode(new float[256])).hasSize(98).containsOnly(0);
        float[] tiny = new float[256];
        Arrays.fill(tiny, 1e-9f); // below GROUP_MAX_EPS_IQ3_XXS
        assertThat(codec.encode(tiny)).containsOnly(0);
    }

    @Test
    void rowsOfTheImportanceAreEncodedIndependently() {
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[1024];
        float[] w = new float[512];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.exp(random.nextDouble(-2, 2));
        }
        byte[] all = codec.encode(x, w);
        byte[] second = codec.encode(Arrays.copyOfRange(x, 512, 1024), w);
        assertThat(Arrays.copyOfRange(all, 2 * 98, 4 * 98)).isEqualTo(second);
        assertThat(all).isNotEqualTo(codec.encode(x)); // the importance matters
    }

    @Test
    void valuesWhoseSquaresOverflowAreRefusedAsGgmlAborts() {
        float[] x = new float[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 5 - 2) * 1e30f + i * 1e28f;
        }
        assertThatThrownBy(() -> codec.encode(x)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aborts");
    }
}
