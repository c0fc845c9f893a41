package app.bytewise.quant.bnb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Inputs the oracle files do not cover, checked against the kernels' arithmetic worked out by
 * hand: odd lengths, partial blocks, NaN and infinite elements, absmax too small to invert.
 */
class EdgeCaseTest {

    @Test
    void oddLengthPadsTheLowNibbleWithTheCodeOfZero() {
        Quantized4Bit q = Nf4.quantize(new float[] {1f, -1f, 0.5f});
        // 1 -> 15, -1 -> 0, 0.5 -> 12 (0.5 is not above 0.50166), padding 0.0 -> 7
        assertThat(q.packed()).containsExactly(0xF0, 0xC7);
        assertThat(q.absmax()).containsExactly(1f);
        assertThat(Nf4.dequantize(q)).containsExactly(1f, -1f, 0.44070982933044434f);
        assertThat(Fp4.quantize(new float[] {1f, -1f, 0.5f}).packed()).containsExactly(0x3B, 0x50);
    }

    @Test
    void partialLastBlockHasItsOwnAbsmax() {
        float[] x = new float[70];
        x[0] = 4f;
        x[64] = -0.5f;
        x[69] = 0.25f;
        Quantized4Bit q = Nf4.quantize(x);
        assertThat(q.absmax()).containsExactly(4f, 0.5f);
        assertThat(q.packed()).hasSize(35);
        assertThat(q.packed()[32] & 0xFF).isEqualTo(0x07); // -1.0 then 0
        assertThat(q.packed()[34] & 0xFF).isEqualTo(0x7C); // 0 then 0.5 -> 12
        Quantized4Bit t = Nf4.quantize(x, Backend.TORCH_DEFAULT);
        assertThat(t.packed()).isEqualTo(q.packed());
    }

    @Test
    void cudaSkipsNaNInTheAbsmaxAndCodesItZero() {
        float[] x = new float[64];
        x[0] = Float.NaN;
        x[1] = 2f;
        x[2] = -2f;
        Quantized4Bit q = Nf4.quantize(x);
        assertThat(q.absmax()).containsExactly(2f);
        assertThat(q.packed()[0] & 0xFF).isEqualTo(0x0F);
        assertThat(q.packed()[1] & 0xFF).isEqualTo(0x07);
        assertThat(Fp4.quantize(x).packed()[0] & 0xFF).isEqualTo(0x03);
    }

    @Test
    void torchPropagatesNaNIntoTheAbsmax() {
        float[] x = new float[64];
        x[0] = Float.NaN;
        x[1] = 2f;
        Quantized4Bit q = Nf4.quantize(x, Backend.TORCH_DEFAULT);
        assertThat(q.absmax()[0]).isNaN();
        byte[] zeros = new byte[32];
        assertThat(q.packed()).isEqualTo(zeros);
    }

    @Test
    void allNaNBlockKeepsTheKernelsStartingMax() {
        float[] x = new float[64];
        Arrays.fill(x, Float.NaN);
        assertThat(Nf4.quantize(x).absmax()).containsExactly(-Float.MAX_VALUE);
        assertThat(Nf4.quantize(x).packed()).isEqualTo(new byte[32]);
    }

    @Test
    void infiniteElementScalesByZero() {
        float[] x = new float[64];
        x[0] = Float.POSITIVE_INFINITY;
        x[1] = 3f;
        Quantized4Bit q = Nf4.quantize(x);
        assertThat(q.absmax()).containsExactly(Float.POSITIVE_INFINITY);
        // inf * 0 = NaN -> 0; 3 * 0 = 0 -> 7
        assertThat(q.packed()[0] & 0xFF).isEqualTo(0x07);
    }

    @Test
    void subnormalAbsmaxOverflowsTheReciprocal() {
        float[] x = new float[64];
        x[0] = Float.MIN_VALUE;
        x[1] = -Float.MIN_VALUE;
        Quantized4Bit q = Nf4.quantize(x);
        // 1/MIN_VALUE = +Inf: the extremes become ±Inf (codes 15, 0), zeros become NaN (code 0)
        assertThat(q.packed()[0] & 0xFF).isEqualTo(0xF0);
        assertThat(q.packed()[1] & 0xFF).isEqualTo(0x00);
        assertThat(Fp4.quantize(x).packed()[0] & 0xFF).isEqualTo(0x3B);
    }

    @Test
    void lengthsAreChecked() {
        assertThat(Nf4.quantize(new float[0]).packed()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nf4.dequantize(new byte[1], new float[0], 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
