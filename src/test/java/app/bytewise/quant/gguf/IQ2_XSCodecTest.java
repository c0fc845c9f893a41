package app.bytewise.quant.gguf;

import static app.bytewise.quant.gguf.IQ2_XXSCodecTest.group;
import static app.bytewise.quant.gguf.IQ2_XXSCodecTest.relativeRmse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IQ2_XSCodecTest {

    private final IQ2_XSCodec codec = new IQ2_XSCodec();

    /**
     * Sub-block 0 holds grid indices 1, 2, 255, 100 (iq2xs_grid entries 0x080808080808082b,
     * 0x0808080808081919, 0x1908080808081908, 0x0808192b08081908) with sign fields 1, 0, 3, 127
     * (ksigns 129, 0, 3, 255) and scales 3 and 5 (db 0.875 and 1.375); the rest is zero bytes:
     * index 0 (all 0x08), no signs, db = 0.125, every value 1.
     */
    @Test
    void decodesAHandBuiltBlockFromGgmlsGridEntries() {
        byte[] block = new byte[74];
        Bytes.putShort(block, 0, 0x3c00); // fp16 1.0
        Bytes.putShort(block, 2, 1 | 1 << 9);
        Bytes.putShort(block, 4, 2);
        Bytes.putShort(block, 6, 255 | 3 << 9);
        Bytes.putShort(block, 8, 100 | 127 << 9);
        block[66] = 3 | 5 << 4;
        float[] expected = new float[256];
        Arrays.fill(expected, 1f);
        group(expected, 0, 0x080808080808082bL, 129, 0.875f);
        group(expected, 8, 0x0808080808081919L, 0, 0.875f);
        group(expected, 16, 0x1908080808081908L, 3, 1.375f);
        group(expected, 24, 0x0808192b08081908L, 255, 1.375f);
        float[] y = codec.decode(block, 256);
        assertThat(y).containsExactly(expected);
        assertThat(Arrays.copyOfRange(y, 16, 24)).containsExactly(-11f, -34.375f, 11f, 11f, 11f, 11f, 11f, 34.375f);
    }

    @Test
    void zeroBlockIsAllZeroBytes() {
        assertThat(codec.encode(new float[256])).hasSize(74).containsOnly(0);
    }

    @Test
    void roundTripKeepsGaussianRowsClose() {
        Random random = new Random(5);
        float[] x = new float[4 * 256];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        byte[] plain = codec.encode(x);
        assertThat(relativeRmse(x, codec.decode(plain, x.length), 0, x.length)).isBetween(0.05, 0.45);
        float[] importance = new float[1024];
        for (int i = 0; i < importance.length; i++) {
            importance[i] = i % 16 < 4 ? 1e3f : 1e-3f;
        }
        byte[] weighted = codec.encode(x, importance);
        assertThat(weighted).isNotEqualTo(plain);
        assertThat(relativeRmse(x, codec.decode(weighted, x.length), 0, x.length)).isBetween(0.05, 0.6);
    }

    @Test
    void uniformImportanceIsThePlainEncodeAndRowsAreIndependent() {
        Random random = new Random(13);
        float[] x = new float[2 * 512];
        float[] importance = new float[512];
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
        byte[] second = codec.encode(Arrays.copyOfRange(x, 512, 1024), importance);
        assertThat(Arrays.copyOfRange(rows, 148, 296)).isEqualTo(second);
        assertThat(codec.requiresImatrix()).isTrue();
        assertThatThrownBy(() -> codec.encode(x, new float[300])).isInstanceOf(IllegalArgumentException.class);
    }
}
