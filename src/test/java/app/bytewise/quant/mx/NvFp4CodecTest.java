package app.bytewise.quant.mx;

import static org.assertj.core.api.Assertions.assertThat;

import app.bytewise.quant.tensor.TensorGenerator;
import app.bytewise.quant.tensor.TensorSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NVFP4 as torchao's nvfp4_quantize, worked by hand. */
class NvFp4CodecTest {

    /**
     * Three blocks of 16; tensor amax 2688, so the per-tensor scale is 2688 / (448 · 6) = 1.
     * Block 0, amax 2688: 2688 / 6 / 1 = 448 → E4M3 0x7E; elements / 448: 2688 → 6 (0111),
     * 1344 → 3 (0101), −700 → −1.5625 → −1.5 (1011), 100 → 0.22 → 0 (0000): bytes 0x57, 0x0B.
     * Block 1, amax 12: 12 / 6 = 2 → E4M3 0x40 (exponent 8 − 7 = 1); 12 / 2 = 6, 6 / 2 = 3: 0x57.
     * Block 2, zeros: 0 clamps to 2^-6 → 0x08, codes 0. Per-tensor 1.0f little-endian: 0000803f.
     */
    @Test
    void workedTensor() {
        float[] x = new float[48];
        x[0] = 2688;
        x[1] = 1344;
        x[2] = -700;
        x[3] = 100;
        x[16] = 12;
        x[17] = 6;
        NvFp4Codec.Encoded e = NvFp4Codec.encode(x);
        assertThat(e.perTensorScale()).isEqualTo(1f);
        assertThat(e.blockScales()).containsExactly((byte) 0x7E, (byte) 0x40, (byte) 0x08);
        String codes = "570b" + "00".repeat(6) + "57" + "00".repeat(7) + "00".repeat(8);
        assertThat(HexFormat.of().formatHex(e.codes())).isEqualTo(codes);
        assertThat(HexFormat.of().formatHex(e.bytes())).isEqualTo(codes + "7e4008" + "0000803f");
        float[] y = NvFp4Codec.decode(e);
        assertThat(y).startsWith(2688f, 1344f, -672f, 0f);
        assertThat(y[16]).isEqualTo(12f);
        assertThat(y[17]).isEqualTo(6f);
        assertThat(y[32]).isZero();
    }

    /**
     * A block far below the tensor's amax: 0.01 / 6 / 1 = 0.0017 is under E4M3's smallest normal and
     * clamps to 2^-6 (0x08); 0.01 · 64 = 0.64 → 0.5, decoded 0.5 · 2^-6 = 0.0078125.
     */
    @Test
    void smallBlockScalesClampToTheSmallestNormal() {
        float[] x = new float[32];
        x[0] = 2688;
        x[16] = 0.01f;
        NvFp4Codec.Encoded e = NvFp4Codec.encode(x);
        assertThat(e.blockScales()[1]).isEqualTo((byte) 0x08);
        assertThat(NvFp4Codec.decode(e)[16]).isEqualTo(0.0078125f);
    }

    @Test
    void perTensorScaleIsAmaxOver2688() {
        assertThat(NvFp4Codec.perTensorScale(5376f)).isEqualTo(2f);
        NvFp4Codec.Encoded zero = NvFp4Codec.encode(new float[16]);
        assertThat(zero.perTensorScale()).isZero();
        assertThat(zero.blockScales()).containsExactly((byte) 0x08);
        assertThat(NvFp4Codec.decode(zero)).containsOnly(0f);
    }

    /** 4 bits per value, 8 per 16 values of scale, 32 per tensor: 4.5 + 32 / n. */
    @Test
    void storedBits() {
        float[] x = TensorGenerator.generate(TensorSpec.gaussian(8, 256, 5)).data();
        NvFp4Codec.Encoded e = NvFp4Codec.encode(x);
        assertThat(e.storedBits()).isEqualTo((long) (4.5 * x.length) + 32);
        assertThat(e.bytes()).hasSize(x.length / 2 + x.length / 16 + 4);
        float[] y = NvFp4Codec.decode(e);
        double err = 0;
        double energy = 0;
        for (int i = 0; i < x.length; i++) {
            err += (x[i] - y[i]) * (double) (x[i] - y[i]);
            energy += x[i] * (double) x[i];
        }
        assertThat(10 * Math.log10(energy / err)).isGreaterThan(15);
    }
}
