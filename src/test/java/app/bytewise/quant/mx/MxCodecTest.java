package app.bytewise.quant.mx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.bytewise.quant.gguf.GgufCodecs;
import app.bytewise.quant.number.MxElement;
import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** OCP MX v1.0 blocks worked by hand, and MXFP4 against ggml's MXFP4. */
class MxCodecTest {

    private static float[] block(float... head) {
        float[] x = new float[32];
        System.arraycopy(head, 0, x, 0, head.length);
        return x;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /**
     * amax 6 = 1.5 · 2^2: floor(log2 6) − emax(E2M1) = 2 − 2 = 0, scale byte 0 + 127 = 0x7F, scale 1.
     * Codes (S.EE.M): 6 → 0111, −6 → 1111, 3 → 0101, 0.5 → 0001; ties to even: 0.25 → 0000,
     * 0.75 → 0010 (1.0), 5 → 0110 (4), 1.75 → 0100 (2). Element 2i in the low nibble:
     * 0xF7, 0x15, 0x20, 0x46, then twelve zero bytes.
     */
    @Test
    void mxfp4BlockWithAmax6() {
        MxCodec codec = MxCodec.of("fp4");
        MxCodec.Encoded e = codec.encode(block(6, -6, 3, 0.5f, 0.25f, 0.75f, 5, 1.75f));
        assertThat(e.scales()).containsExactly((byte) 0x7F);
        assertThat(hex(e.elements())).isEqualTo("f7152046" + "00".repeat(12));
        assertThat(codec.decode(e)).startsWith(6f, -6f, 3f, 0.5f, 0f, 1f, 4f, 2f, 0f);
    }

    /**
     * amax 100: floor(log2 100) = 6, shared exponent 6 − 2 = 4, byte 131 = 0x83, scale 16.
     * 100 / 16 = 6.25 saturates to 6 (0111) → 96; 40 / 16 = 2.5 ties to 2 (0100) → 32;
     * −7 / 16 = −0.4375 → −0.5 (1001) → −8. Bytes 0x47, 0x09.
     */
    @Test
    void mxfp4BlockScalesAndSaturates() {
        MxCodec codec = MxCodec.of("fp4");
        MxCodec.Encoded e = codec.encode(block(100, 40, -7));
        assertThat(e.scales()).containsExactly((byte) 0x83);
        assertThat(hex(e.elements())).startsWith("4709");
        assertThat(codec.decode(e)).startsWith(96f, 32f, -8f, 0f);
    }

    /** A zero block: amax 0 has exponent field 0, −127 − 2 clamps to −127: scale byte 0 (2^-127), codes 0. */
    @Test
    void zeroAndTinyBlocksClampToScaleByteZero() {
        for (MxElement el : MxElement.values()) {
            MxCodec codec = new MxCodec(el);
            MxCodec.Encoded zero = codec.encode(new float[32]);
            assertThat(zero.scales()).containsExactly((byte) 0);
            assertThat(zero.elements()).containsOnly((byte) 0);
            assertThat(codec.decode(zero)).containsOnly(0f);
        }
        assertThat(MxCodec.sharedScale(1e-40f, MxElement.FP4_E2M1)).isZero();
        assertThat(MxCodec.scaleValue(0)).isEqualTo(0x1p-127f);
        assertThat(MxCodec.scaleValue(127)).isEqualTo(1f);
        assertThat(MxCodec.sharedScale(Float.POSITIVE_INFINITY, MxElement.FP8_E4M3)).isEqualTo(0xFF);
        assertThat(MxCodec.scaleValue(0xFF)).isNaN();
        // The largest float32, 2^127 · 1.99…: 127 − 2 = 125, byte 252.
        assertThat(MxCodec.sharedScale(Float.MAX_VALUE, MxElement.FP4_E2M1)).isEqualTo(252);
    }

    /**
     * E2M3, amax 7.5 = 1.111b · 2^2: exponent 2 − 2 = 0, byte 0x7F. Codes S.EE.MMM: 7.5 → 0 11 111
     * (0x1F), 1.125 → 0 01 001 (0x09), −0.125 → 1 00 001 (0x21, subnormal), 3.25 → 0 10 101 (0x15).
     * torchao's packing: byte 0 = top four bits of x0, x1 = 0111 0010 = 0x72; byte 8 = x2, x3 =
     * 1000 0101 = 0x85; byte 16 = low two bits 11 01 01 01 = 0xD5.
     */
    @Test
    void mxfp6E2m3PacksFourCodesInThreeBytes() {
        MxCodec codec = MxCodec.of("fp6-e2m3");
        MxCodec.Encoded e = codec.encode(block(7.5f, 1.125f, -0.125f, 3.25f));
        assertThat(e.scales()).containsExactly((byte) 0x7F);
        assertThat(e.elements()).hasSize(24);
        byte[] expected = new byte[24];
        expected[0] = 0x72;
        expected[8] = (byte) 0x85;
        expected[16] = (byte) 0xD5;
        assertThat(e.elements()).containsExactly(expected);
        assertThat(codec.decode(e)).startsWith(7.5f, 1.125f, -0.125f, 3.25f, 0f);
    }

    /** E3M2: amax 30 = 1.875 · 2^4, exponent 4 − 4 = 0; 30 saturates to 28 (0 111 11 = 0x1F). */
    @Test
    void mxfp6E3m2SaturatesAt28() {
        MxCodec codec = MxCodec.of("fp6-e3m2");
        MxCodec.Encoded e = codec.encode(block(30, 28));
        assertThat(e.scales()).containsExactly((byte) 0x7F);
        // x0 = x1 = 011111: byte 0 = 0111 0111, byte 16 = 11 11 00 00.
        assertThat(e.elements()[0]).isEqualTo((byte) 0x77);
        assertThat(e.elements()[16]).isEqualTo((byte) 0xF0);
        assertThat(codec.decode(e)).startsWith(28f, 28f, 0f);
    }

    /**
     * E4M3: amax 500 = 1.95 · 2^8, exponent 8 − 8 = 0; 500 saturates to 448 (0x7E), 1 is 0x38.
     * E5M2: amax 57344 = 1.75 · 2^15, exponent 0; 60000 (1.83 · 2^15) saturates to 57344 (0x7B).
     */
    @Test
    void mxfp8ElementsAreOneByteAndSaturate() {
        MxCodec e4m3 = MxCodec.of("fp8-e4m3");
        MxCodec.Encoded a = e4m3.encode(block(500, 1));
        assertThat(a.scales()).containsExactly((byte) 0x7F);
        assertThat(hex(a.elements())).startsWith("7e3800");
        MxCodec e5m2 = MxCodec.of("fp8-e5m2");
        MxCodec.Encoded b = e5m2.encode(block(60000, -57344));
        assertThat(b.scales()).containsExactly((byte) 0x7F);
        assertThat(hex(b.elements())).startsWith("7bfb00");
        assertThat(e5m2.decode(b)).startsWith(57344f, -57344f);
    }

    /** 32 elements of 4, 6 or 8 bits plus one 8-bit scale: 4.25, 6.25 and 8.25 bits per value. */
    @Test
    void storedBitsPerValue() {
        float[] x = TensorGenerator.generate(TensorSpec.gaussian(4, 256, 1)).data();
        double[] expected = {4.25, 6.25, 6.25, 8.25, 8.25};
        for (MxElement el : MxElement.values()) {
            MxCodec.Encoded e = new MxCodec(el).encode(x);
            assertThat((double) e.storedBits() / x.length).isEqualTo(expected[el.ordinal()]);
            assertThat(e.bytes()).hasSize(x.length * el.bits() / 8 + x.length / 32);
        }
        assertThatThrownBy(() -> MxCodec.of("fp4").encode(new float[48])).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Two more mantissa bits cut the error about 16-fold (E2M1 to E2M3). E4M3 has E2M3's three
     * mantissa bits, so inside a block MXFP8 E4M3 is no finer than MXFP6 E2M3: its extra exponent
     * range only helps values far below the block's amax, and it saturates more of the top binade
     * (448 of [256, 512) against 7.5 of [4, 8)), so on Gaussian data the two come out about even.
     */
    @Test
    void decodedErrorFollowsMantissaBits() {
        float[] x = TensorGenerator.generate(TensorSpec.gaussian(16, 512, 2)).data();
        double fp4 = mse(x, MxCodec.of("fp4"));
        double e2m3 = mse(x, MxCodec.of("fp6-e2m3"));
        double e3m2 = mse(x, MxCodec.of("fp6-e3m2"));
        double e4m3 = mse(x, MxCodec.of("fp8-e4m3"));
        assertThat(e2m3).isLessThan(fp4 / 10);
        assertThat(e3m2).isBetween(e2m3, fp4 / 3);
        assertThat(e4m3).isCloseTo(e2m3, within(e2m3 * 0.3));
    }

    private static double mse(float[] x, MxCodec codec) {
        float[] y = codec.decode(codec.encode(x));
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        return sum / x.length;
    }

    /**
     * ggml's MXFP4 (GGUF type 39) uses the same shared exponent, floor(log2 amax) − 2 + 127, and the
     * same value set, so on random data both decode to the same values and the same scale bytes.
     * They could differ only on exact ties (ggml takes the first table entry, the spec the even
     * code: 0.75, 1.75, 3.5 in E2M1 units) and on amax a few ulps under a power of two (ggml's
     * log2f rounds up), neither of which Gaussian data hits.
     */
    @Test
    void ocpMxfp4DecodesAsGgmlMxfp4() {
        float[] x = TensorGenerator.generate(TensorSpec.gaussian(64, 512, 11)).data();
        MxCodec ocp = MxCodec.of("fp4");
        MxCodec.Encoded e = ocp.encode(x);
        float[] ours = ocp.decode(e);
        byte[] ggml = GgufCodecs.of("MXFP4").encode(x);
        float[] theirs = GgufCodecs.of("MXFP4").decode(ggml, x.length);
        for (int b = 0; b < x.length / 32; b++) {
            assertThat(e.scales()[b]).as("scale of block %d", b).isEqualTo(ggml[17 * b]);
        }
        for (int i = 0; i < x.length; i++) {
            assertThat(ours[i] == theirs[i]).as("value %d: %s vs %s", i, ours[i], theirs[i]).isTrue();
        }
        assertThat(ours[0]).isCloseTo(x[0], within(Math.abs(x[0]) * 0.5f + 1e-3f));
    }
}
